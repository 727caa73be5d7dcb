import { describe, expect, it } from "vitest";
import { BOLD, DIM, INVERSE, ITALIC, STRIKE, TRUECOLOR, UNDERLINE } from "../../lib/logs/ansi";
import { MATCH_NONE } from "../../lib/logs/layout";
import { contrastRatio } from "../../lib/logs/palette";
import { pieceStyle } from "./ansiStyle";

const WHITE = 0xffffff;
const piece = (fg: number, bg: number, flags = 0) => ({ text: "x", fg, bg, flags, match: MATCH_NONE });
const hexToRgb = (css: unknown) => parseInt(String(css).slice(1), 16);

describe("pieceStyle", () => {
  it("has no style for plain text", () => {
    expect(pieceStyle(piece(-1, -1), WHITE)).toBeUndefined();
  });

  it("uses theme variables for the 16 colours", () => {
    expect(pieceStyle(piece(1, 4), WHITE)).toEqual({ color: "var(--ansi-1)", backgroundColor: "var(--ansi-4)" });
  });

  it("keeps fixed colours readable on the panel and on their own background", () => {
    const orange = pieceStyle(piece(208, -1), WHITE);
    expect(contrastRatio(hexToRgb(orange?.color), WHITE)).toBeGreaterThanOrEqual(4.5);
    const onYellow = pieceStyle(piece(TRUECOLOR | 0xffff00, TRUECOLOR | 0xffff66), WHITE);
    expect(contrastRatio(hexToRgb(onYellow?.color), 0xffff66)).toBeGreaterThanOrEqual(4.5);
  });

  it("picks black or white text on a fixed background with the default foreground", () => {
    expect(pieceStyle(piece(-1, 21), WHITE)?.color).toBe("#ffffff");
    expect(pieceStyle(piece(-1, 226), WHITE)?.color).toBe("#000000");
  });

  it("inverse swaps, with defaults becoming the log's own colours", () => {
    expect(pieceStyle(piece(-1, -1, INVERSE), WHITE)).toEqual({
      color: "var(--log-bg)",
      backgroundColor: "var(--log-fg)",
    });
    expect(pieceStyle(piece(2, -1, INVERSE), WHITE)).toEqual({
      color: "var(--log-bg)",
      backgroundColor: "var(--ansi-2)",
    });
  });

  it("maps attributes; dim default text becomes the muted colour", () => {
    expect(pieceStyle(piece(-1, -1, BOLD | ITALIC | UNDERLINE | STRIKE), WHITE)).toEqual({
      fontWeight: 600,
      fontStyle: "italic",
      textDecoration: "underline line-through",
    });
    expect(pieceStyle(piece(-1, -1, DIM), WHITE)).toEqual({ color: "var(--color-muted)" });
  });
});
