// The baseline without virtualization: every line is a div of ANSI spans.
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { parseAnsi } from "../../../../src/lib/logs/ansi";
import { ansiColorCss } from "../../../../src/lib/logs/palette";
import { generateColumns, param } from "./generate";
import { installBench } from "./hooks";
import "./bench.css";

const lines = param("lines", 100_000);
const data = generateColumns(lines);
let fed = lines;
let pushLines: (texts: string[]) => void = () => {};

function Line({ text, n }: { text: string; n: number }) {
  return (
    <div data-line={n} className="whitespace-pre font-mono text-xs leading-5">
      <span className="inline-block w-16 pr-3 text-right text-muted">{n}</span>
      {parseAnsi(text).map((s, i) => (
        <span key={i} style={{ color: ansiColorCss(s.fg) ?? undefined }}>
          {s.text}
        </span>
      ))}
    </div>
  );
}

function App() {
  const [texts, setTexts] = useState(data.texts);
  pushLines = (more) => setTexts((t) => t.concat(more));
  return (
    <div className="log-viewer h-screen overflow-auto bg-panel text-text">
      {texts.map((t, i) => (
        <Line key={i} text={t} n={i + 1} />
      ))}
    </div>
  );
}

installBench({
  variant: "naive",
  lines,
  lineSelector: "[data-line]",
  mount: () => createRoot(document.getElementById("root")!).render(<App />),
  push: (n) => {
    pushLines(generateColumns(n, fed, lines).texts);
    fed += n;
  },
});
