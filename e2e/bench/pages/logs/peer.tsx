// The popular peer, @melloware/react-logviewer, fed the same lines as one text (its input format).
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { LazyLog } from "@melloware/react-logviewer";
import { generateColumns, param } from "./generate";
import { installBench } from "./hooks";

const lines = param("lines", 100_000);
const follow = param("follow", 0) === 1;
const data = generateColumns(lines);
let fed = lines;
let pushLines: (texts: string[]) => void = () => {};

function App() {
  const [text, setText] = useState(() => data.texts.join("\n"));
  pushLines = (more) => setText((t) => `${t}\n${more.join("\n")}`);
  return (
    <div style={{ height: "100vh" }}>
      <LazyLog text={text} enableSearch follow={follow} height="auto" extraLines={0} />
    </div>
  );
}

installBench({
  variant: "peer",
  lines,
  lineSelector: ".react-lazylog [id]",
  mount: () => createRoot(document.getElementById("root")!).render(<App />),
  push: (n) => {
    pushLines(generateColumns(n, fed, lines).texts);
    fed += n;
  },
});
