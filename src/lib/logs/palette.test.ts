import { describe, expect, it } from "vitest";
import { DEFAULT_COLOR, TRUECOLOR } from "./ansi";
import { ansiColorCss } from "./palette";

describe("ansiColorCss", () => {
  it.each([
    [DEFAULT_COLOR, null],
    [1, "var(--ansi-1)"],
    [15, "var(--ansi-15)"],
    [16, "#000000"],
    [196, "#ff0000"],
    [208, "#ff8700"],
    [231, "#ffffff"],
    [232, "#080808"],
    [255, "#eeeeee"],
    [TRUECOLOR | 0x123456, "#123456"],
    [TRUECOLOR, "#000000"],
  ])("%i → %s", (color, css) => {
    expect(ansiColorCss(color)).toBe(css);
  });
});
