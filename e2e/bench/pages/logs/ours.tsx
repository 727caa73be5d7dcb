import { createRoot } from "react-dom/client";
import { LogStore, LogViewer } from "../../../../src/components/LogViewer";
import { appendColumns } from "./columns";
import { generateColumns, param } from "./generate";
import { longestTask, nextFrame } from "../frames";
import { installBench, type SearchStats } from "./hooks";
import "./bench.css";

const lines = param("lines", 100_000);
const follow = param("follow", 0) === 1;
const data = generateColumns(lines);
const store = new LogStore("build");
let fed = lines;

/** Types into the viewer's own search box and watches the DOM for the highlighted match. */
async function search(query: string): Promise<SearchStats> {
  const input = document.querySelector<HTMLInputElement>('input[aria-label="Search logs"]');
  if (!input) throw new Error("no search box");
  const start = performance.now();
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
  setValue?.call(input, query);
  input.dispatchEvent(new Event("input", { bubbles: true }));
  let firstMatchMs = -1;
  for (;;) {
    await nextFrame();
    if (firstMatchMs < 0 && document.querySelector('[data-match="current"]')) firstMatchMs = performance.now() - start;
    const counter = input.parentElement?.querySelector('[role="status"]')?.textContent ?? "";
    if (firstMatchMs >= 0 && counter !== "" && !counter.endsWith("…")) {
      const doneMs = performance.now() - start;
      const matches = Number(counter.split("/")[1]?.replace(/[^0-9]/g, "") ?? 0);
      return { firstMatchMs, doneMs, matches, longestTaskMs: longestTask(start, performance.now()) };
    }
    if (counter === "No results")
      return {
        firstMatchMs: -1,
        doneMs: performance.now() - start,
        matches: 0,
        longestTaskMs: longestTask(start, performance.now()),
      };
  }
}

installBench({
  variant: "ours",
  lines,
  lineSelector: "[data-line]",
  mount: () => {
    appendColumns(store, data);
    createRoot(document.getElementById("root")!).render(
      <LogViewer source={store} live={follow} className="h-screen" />,
    );
  },
  push: (n) => {
    appendColumns(store, generateColumns(n, fed, lines));
    fed += n;
  },
  search,
});
