import { startTransition, StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { prefetchRoute } from "./app/prefetchRoute";
import { createAppQueryClient } from "./app/queryClient";
import "./index.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
const queryClient = createAppQueryClient();
prefetchRoute(queryClient, window.location.pathname);
// The first render yields to the browser every few milliseconds instead of holding the main
// thread: answers to the requests sent before the app loaded (public/route-boot.js) are handled as
// they arrive, so a deep link's log is asked for without waiting on the render.
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  ),
);
