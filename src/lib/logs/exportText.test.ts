import { describe, expect, it } from "vitest";
import { copyText, exportLog, formatExportLine } from "./exportText";
import { ERROR, INFO } from "./levels";
import { LogStore } from "./store";

const T0 = Date.parse("2025-03-04T10:00:00.000Z");

function store(n: number): LogStore {
  const s = new LogStore("build");
  s.append(
    Array.from({ length: n }, (_, i) => ({
      text: `\x1b[1mline\x1b[0m ${i + 1}`,
      time: T0 + i,
      level: i === 1 ? ERROR : INFO,
      group: "Setting up",
    })),
  );
  return s;
}

describe("plain-text export", () => {
  it("formats a line with time, level, group and ANSI removed", () => {
    expect(formatExportLine(store(2), 1)).toBe("2025-03-04T10:00:00.001Z [error] [Setting up] line 2");
  });

  it("copies a range of visible text", () => {
    expect(copyText(store(5), 1, 3)).toBe("line 2\nline 3\nline 4");
    expect(copyText(store(2), 1, 10)).toBe("line 2");
  });

  it("exports every line, in slices, ending with a newline", async () => {
    const parts = await exportLog(store(2500), undefined, 1000);
    expect(parts).toHaveLength(3);
    const lines = parts.join("").split("\n");
    expect(lines).toHaveLength(2501);
    expect(lines[2499]).toMatch(/ line 2500$/);
    expect(lines[2500]).toBe("");
  });

  it("exports only included lines", async () => {
    const parts = await exportLog(store(10), (line) => line % 2 === 0);
    expect(parts.join("").trimEnd().split("\n")).toHaveLength(5);
  });
});
