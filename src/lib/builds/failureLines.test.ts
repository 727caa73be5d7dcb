import { describe, expect, it } from "vitest";
import { failureWindow } from "./failureLines";

const info = (output: string) => ({ log_level: "info", output });
const error = (output: string) => ({ log_level: "error", output });

describe("failureWindow", () => {
  const lines = Array.from({ length: 20 }, (_, i) => info(`line ${i + 1}`));

  it("centres on the last error line, 1-based, clipped to the log", () => {
    const logs = [...lines.slice(0, 10), error("Error: quota exceeded"), ...lines.slice(10)];
    expect(failureWindow(logs)).toEqual({ first: 5, last: 13, focus: 11 });
    expect(failureWindow([error("boom"), info("after")])).toEqual({ first: 1, last: 2, focus: 1 });
  });

  it("falls back to the line that carries the job error, ignoring colours", () => {
    const logs = [...lines.slice(0, 5), info("\u001b[31mInsufficient quota: need 10\u001b[0m"), ...lines.slice(5)];
    expect(failureWindow(logs, "insufficient quota: need 10 credits", { before: 1, after: 1 })).toEqual({ first: 5, last: 7, focus: 6 });
  });

  it("falls back to the end of the log, and is undefined for no log", () => {
    expect(failureWindow(lines, "nowhere to be found", { before: 2, after: 2 })).toEqual({ first: 18, last: 20, focus: 20 });
    expect(failureWindow([])).toBeUndefined();
  });
});
