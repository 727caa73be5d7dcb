// Page for e2e/logViewer.spec.ts and screenshots: the real LogViewer over generated data.
// Query: kind=build|agent, lines=N, live=1, xss=1, theme=dark, loading=1, error=1, truncated=1.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { LogStore, LogViewer } from "../../../../src/components/LogViewer";
import { stripAnsi } from "../../../../src/lib/logs/ansi";
import { INFO, type LevelCode } from "../../../../src/lib/logs/levels";
import { xssCorpus } from "../../../../src/server/world/xssCorpus";
import { appendColumns } from "./columns";
import { generateColumns, T0 } from "./generate";
import "./bench.css";

const q = new URLSearchParams(location.search);
const flag = (name: string) => q.get(name) === "1";
const lines = Number(q.get("lines") ?? 1000);
const kind = q.get("kind") === "agent" ? "agent" : "build";
if (q.get("theme") === "dark") document.documentElement.classList.add("dark");

const SOURCES = [
  { id: "5b0c7a3e-0000-4000-8000-000000000001", display_name: "Startup Script", icon: "" },
  { id: "5b0c7a3e-0000-4000-8000-000000000002", display_name: "Dotfiles", icon: "" },
  { id: "5b0c7a3e-0000-4000-8000-000000000003", display_name: "Coder Agent", icon: "" },
];

const store = new LogStore(kind);
let fed = 0;

function feed(n: number): void {
  const cols = generateColumns(n, fed, Math.max(lines, 1));
  if (kind === "build") appendColumns(store, cols);
  else
    store.append(
      Array.from({ length: n }, (_, i) => ({
        text: cols.texts[i],
        time: cols.times[i],
        level: cols.levels[i] as LevelCode,
        group: SOURCES[(fed + i) % 3].id,
      })),
    );
  fed += n;
}

if (kind === "agent") store.setSources(SOURCES);
if (flag("xss"))
  store.append(
    xssCorpus.map((text, i) => ({ text, time: T0 + i * 1000, level: INFO, group: "Planning infrastructure" })),
  );
else if (!flag("loading")) feed(lines);

declare global {
  interface Window {
    __logTest?: { store: LogStore; append: (n: number) => void; plain: (line: number) => string };
  }
}
window.__logTest = {
  store,
  append: feed,
  /** Visible text of a 1-based line. */
  plain: (line: number) => stripAnsi(store.text(line - 1)),
};

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <main className="h-screen p-4">
      <LogViewer
        source={store}
        live={flag("live")}
        loading={flag("loading")}
        error={flag("error") ? "The connection closed unexpectedly (1006)." : null}
        onRetry={() => {}}
        truncated={flag("truncated")}
        downloadName={kind === "build" ? "build.log" : "agent.log"}
      />
    </main>
  </StrictMode>,
);
