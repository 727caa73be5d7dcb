import { describe, expect, it } from "vitest";
import { ERROR, INFO } from "../logs/levels";
import { failureFocus, failureLines, type LineSource } from "./failureLines";

function log(lines: Array<[number, string]>): LineSource {
  return { length: lines.length, level: (i) => lines[i][0], text: (i) => lines[i][1] };
}

const numbered = (n: number, errorsAt: number[] = []) =>
  log(Array.from({ length: n }, (_, i) => [errorsAt.includes(i) ? ERROR : INFO, `line ${i + 1}`] as [number, string]));

describe("failureFocus", () => {
  it("picks the start of the last run of error lines", () => {
    expect(failureFocus(numbered(20, [3, 14, 15, 16]))).toBe(14);
  });

  it("falls back to a line mentioning error, then to the last line", () => {
    expect(failureFocus(log([[INFO, "ok"], [INFO, "\u001b[31mError:\u001b[0m quota"], [INFO, "done"]]))).toBe(1);
    expect(failureFocus(log([[INFO, "a"], [INFO, "b"]]))).toBe(1);
    expect(failureFocus(log([]))).toBeUndefined();
  });
});

describe("failureLines", () => {
  it("returns a window around the focus with 1-based numbers and stripped ANSI", () => {
    const lines = failureLines(numbered(30, [20, 21]), 2, 3);
    expect(lines.map((l) => l.number)).toEqual([19, 20, 21, 22, 23]);
    expect(lines.map((l) => l.isError)).toEqual([false, false, true, true, false]);
    expect(failureLines(log([[ERROR, "\u001b[1mError\u001b[0m: boom"]]))).toEqual([{ number: 1, text: "Error: boom", isError: true }]);
  });

  it("clamps at both ends", () => {
    expect(failureLines(numbered(3, [0]), 4, 6).map((l) => l.number)).toEqual([1, 2, 3]);
  });
});
