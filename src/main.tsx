import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { prefetchRoute } from "./app/prefetchRoute";
import { createAppQueryClient } from "./app/queryClient";
import "./index.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
const queryClient = createAppQueryClient();
prefetchRoute(queryClient, window.location.pathname);
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
