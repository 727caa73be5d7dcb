import path from "node:path";
import { startServer } from "../main";
import { buildDist, distIsStale } from "./build";
import { announce, parseOrExit } from "./run";

// `npm start`: the built dashboard and the API (built-in or CODER_URL) from one process.
const root = path.resolve(import.meta.dirname, "../../..");
const dist = path.join(root, "dist");
const cli = parseOrExit("npm start", { ambient: true, port: 3000 });
if (!cli.noBuild && distIsStale(root, dist)) buildDist(root, dist);
const opts = { ...cli.options, distDir: dist };
const server = await startServer(opts);
announce(server, opts, "Dashboard");
