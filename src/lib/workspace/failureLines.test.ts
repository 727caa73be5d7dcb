import { describe, expect, it } from "vitest";
import { ERROR, INFO } from "../logs/levels";
import { failureFocus, failureWindow, type LineSource } from "./failureLines";

function log(lines: Array<[number, string]>): LineSource {
  return { length: lines.length, level: (i) => lines[i][0], text: (i) => lines[i][1] };
}

const numbered = (n: number, errorsAt: number[] = []) =>
  log(Array.from({ length: n }, (_, i) => [errorsAt.includes(i) ? ERROR : INFO, `line ${i + 1}`] as [number, string]));

describe("failureFocus", () => {
  it("picks the start of the last run of error lines", () => {
    expect(failureFocus(numbered(20, [3, 14, 15, 16]))).toBe(14);
  });

  it("prefers Terraform's Error heading inside its framed block", () => {
    const terraform = log([
      [INFO, "Plan: 6 to add"],
      [ERROR, "\u001b[31m╷\u001b[0m"],
      [ERROR, "\u001b[31m│\u001b[0m \u001b[1mError: insufficient quota\u001b[0m"],
      [ERROR, "│"],
      [ERROR, "│   this workspace costs 4 credits"],
      [INFO, "Building dependency graph..."],
      [ERROR, "╵"],
    ]);
    expect(failureFocus(terraform)).toBe(2);
  });

  it("falls back to a line mentioning error, then to the last line", () => {
    expect(
      failureFocus(
        log([
          [INFO, "ok"],
          [INFO, "\u001b[31mError:\u001b[0m quota"],
          [INFO, "done"],
        ]),
      ),
    ).toBe(1);
    expect(
      failureFocus(
        log([
          [INFO, "a"],
          [INFO, "b"],
        ]),
      ),
    ).toBe(1);
    expect(failureFocus(log([]))).toBeUndefined();
  });
});

describe("failureWindow", () => {
  it("returns a window around the focus with 1-based numbers and stripped ANSI", () => {
    const window = failureWindow(numbered(30, [20, 21]), 2, 3);
    expect(window?.focus).toBe(21);
    expect(window?.lines.map((l) => l.number)).toEqual([19, 20, 21, 22, 23]);
    expect(window?.lines.map((l) => l.isError)).toEqual([false, false, true, true, false]);
    expect(failureWindow(log([[ERROR, "\u001b[1mError\u001b[0m: boom"]]))).toEqual({
      focus: 1,
      lines: [{ number: 1, text: "Error: boom", isError: true }],
    });
  });

  it("clamps at both ends, and is undefined for an empty log", () => {
    expect(failureWindow(numbered(3, [0]), 4, 6)?.lines.map((l) => l.number)).toEqual([1, 2, 3]);
    expect(failureWindow(log([]))).toBeUndefined();
  });
});
