import { createServer } from "node:http";
import path from "node:path";
import { createServer as createVite } from "vite";
import { startServerWith } from "../main";
import { announce, parseOrExit } from "./run";

// `npm run dev`: Vite in middleware mode inside the same Node server, so the SPA, the API and
// their WebSockets share one origin (the session cookie and CSRF rules work as in production).
const root = path.resolve(import.meta.dirname, "../../..");
const cli = parseOrExit("npm run dev", { ambient: true, port: 3000 });
const httpServer = createServer();
const vite = await createVite({ root, appType: "spa", server: { middlewareMode: true, hmr: { server: httpServer } } });
const opts = { ...cli.options, distDir: null };
const server = await startServerWith(opts, {
  server: httpServer,
  devMiddleware: (req, res, next) => vite.middlewares(req, res, next),
});
announce(server, opts, "Dev server (Vite HMR)");
process.on("exit", () => void vite.close());
