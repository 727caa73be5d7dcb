// The peer: a naive recharts horizontal-bar Gantt (a transparent offset bar stacked under a duration
// bar, one category per item) on the same generated data. Wheel zoom sets the x domain; flushSync
// makes recharts' render part of the handler so it is counted as frame work.
import { useState, type WheelEvent } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { Bar, BarChart, Cell, XAxis, YAxis } from "recharts";
import { buildTimingTree, stageMeta } from "../../../../src/lib/timings";
import { syntheticTimings } from "../../../../src/lib/timings/synthetic";
import { STAGE_HUES } from "../../../../src/components/TimingsChart/palette";
import { applyTheme, installTimingsBench, param } from "./hooks";
import "./bench.css";

applyTheme();
const items = param("items", 5000);
const raw = syntheticTimings(items);
const WIDTH = 1200;

function Gantt() {
  const [data] = useState(() => {
    const tree = buildTimingTree(raw, { now: 0 });
    return {
      length: tree.duration,
      rows: tree.items.map((i) => ({
        name: i.name,
        offset: i.start - tree.start,
        duration: i.duration,
        fill: i.status === "failed" ? "#b91c1c" : STAGE_HUES[stageMeta(i.stage).hue],
      })),
    };
  });
  const [domain, setDomain] = useState<[number, number]>([0, data.length]);
  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const f = (e.clientX - rect.left) / rect.width;
    const anchor = domain[0] + (domain[1] - domain[0]) * f;
    const k = Math.exp(e.deltaY * 0.002);
    flushSync(() => setDomain([anchor - (anchor - domain[0]) * k, anchor + (domain[1] - anchor) * k]));
  };
  return (
    <div data-testid="recharts-gantt" onWheel={onWheel} className="bg-panel">
      <BarChart width={WIDTH} height={800} data={data.rows} layout="vertical" barCategoryGap={0}>
        <XAxis type="number" domain={domain} allowDataOverflow />
        <YAxis type="category" dataKey="name" width={220} tick={{ fontSize: 9 }} />
        <Bar dataKey="offset" stackId="t" fill="transparent" isAnimationActive={false} />
        <Bar dataKey="duration" stackId="t" isAnimationActive={false}>
          {data.rows.map((r, i) => (
            <Cell key={i} fill={r.fill} />
          ))}
        </Bar>
      </BarChart>
    </div>
  );
}

// As on our page: the React root exists before the measured render.
const root = createRoot(document.getElementById("root")!);

installTimingsBench({
  variant: "recharts",
  items,
  mount: () => flushSync(() => root.render(<Gantt />)),
  drawn: async () => {
    while (document.querySelectorAll(".recharts-bar-rectangle").length === 0)
      await new Promise((r) => requestAnimationFrame(r));
  },
  target: () => document.querySelector('[data-testid="recharts-gantt"]')!,
  takeDrawMs: () => 0,
});
