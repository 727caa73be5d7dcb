import path from "node:path";
import { startServer } from "../main";
import { announce, parseOrExit } from "./run";

// `npm run serve` / the container: the production server, compiled to dist-server/serve.mjs,
// serving the dashboard built into dist/ beside it. Same flags and environment as `npm start`.
const root = path.resolve(import.meta.dirname, "..");
const cli = parseOrExit("npm run serve", { ambient: true, port: 3000, accessLog: true });
const opts = { ...cli.options, distDir: path.join(root, "dist") };
const server = await startServer(opts);
announce(server, opts, "Dashboard");
