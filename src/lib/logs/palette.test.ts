import { describe, expect, it } from "vitest";
import { DEFAULT_COLOR, TRUECOLOR } from "./ansi";
import { ansiColorCss, ansiRgb, contrastRatio, ensureContrast, MIN_CONTRAST, rgbCss } from "./palette";

describe("ansiRgb / ansiColorCss", () => {
  it.each([
    [DEFAULT_COLOR, null],
    [1, null],
    [15, null],
    [16, 0x000000],
    [196, 0xff0000],
    [208, 0xff8700],
    [231, 0xffffff],
    [232, 0x080808],
    [255, 0xeeeeee],
    [TRUECOLOR | 0x123456, 0x123456],
    [TRUECOLOR, 0x000000],
  ])("%i → %s", (color, rgb) => {
    expect(ansiRgb(color)).toBe(rgb);
  });

  it("themed colours are CSS variables, fixed ones hex, default none", () => {
    expect(ansiColorCss(DEFAULT_COLOR)).toBeNull();
    expect(ansiColorCss(3)).toBe("var(--ansi-3)");
    expect(ansiColorCss(208)).toBe("#ff8700");
    expect(rgbCss(0x0000ff)).toBe("#0000ff");
  });
});

describe("contrast", () => {
  it("computes WCAG ratios", () => {
    expect(contrastRatio(0x000000, 0xffffff)).toBeCloseTo(21, 0);
    expect(contrastRatio(0x777777, 0xffffff)).toBeCloseTo(4.48, 1);
  });

  it("leaves readable colours alone", () => {
    expect(ensureContrast(0x1a7f37, 0xffffff)).toBe(0x1a7f37);
  });

  it("darkens a colour on a light background and lightens it on a dark one, just enough", () => {
    const onWhite = ensureContrast(0xff8700, 0xffffff);
    expect(contrastRatio(onWhite, 0xffffff)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrastRatio(onWhite, 0xffffff)).toBeLessThan(MIN_CONTRAST + 0.3);
    // Still orange: red stays the strongest channel.
    expect(onWhite >> 16).toBeGreaterThan((onWhite >> 8) & 0xff);

    const onDark = ensureContrast(0x000080, 0x111722);
    expect(contrastRatio(onDark, 0x111722)).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(ansiColorCss(TRUECOLOR | 0x000080, 0x111722)).toBe(rgbCss(onDark));
  });
});
