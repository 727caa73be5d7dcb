import { describe, expect, it } from "vitest";
import { buildTimingTree, linearAxis } from "../../lib/timings";
import { RECORDED_START } from "../../lib/timings/__fixtures__/recorded";
import { barSpan, hitTest, MIN_BAR_PX, type PlotGeometry } from "./hitTest";
import { chartRows } from "./rows";

const tree = buildTimingTree(RECORDED_START, { now: 0 });
const rows = chartRows(tree, { expanded: new Set(["apply"]) }).rows;
const g: PlotGeometry = {
  axis: linearAxis(tree.start, tree.end),
  view: { from: 0, to: tree.duration },
  widthPx: 299,
  rowHeight: 28,
  scrollTop: 0,
  now: tree.end,
};

describe("hit testing", () => {
  it("finds the row under the pointer and whether it is on the bar", () => {
    const container = rows.findIndex((r) => r.name === "docker_container.workspace[0]");
    const { x0, x1 } = barSpan(rows[container], g);
    const y = container * 28 + 14;
    expect(hitTest(rows, g, (x0 + x1) / 2, y)).toEqual({ index: container, onBar: true });
    expect(hitTest(rows, g, x1 + 20, y)).toEqual({ index: container, onBar: false });
    expect(hitTest(rows, { ...g, scrollTop: 28 }, (x0 + x1) / 2, y - 28)?.index).toBe(container);
    expect(hitTest(rows, g, 10, -5)).toBeUndefined();
    expect(hitTest(rows, g, 10, rows.length * 28 + 1)).toBeUndefined();
  });

  it("widens tiny bars so they can be seen and hit", () => {
    const login = rows.find((r) => r.name === "coder_script.login")!;
    const { x0, x1 } = barSpan(login, g);
    expect(x1 - x0).toBeGreaterThanOrEqual(MIN_BAR_PX);
  });
});
