import { startServer } from "../main";
import { announce, parseOrExit } from "./run";

// `npm run server`: the API behind the session bridge, no SPA.
const cli = parseOrExit("npm run server", { ambient: true, port: 3000 });
const opts = { ...cli.options, distDir: null };
const server = await startServer(opts);
announce(server, opts, "API server");
