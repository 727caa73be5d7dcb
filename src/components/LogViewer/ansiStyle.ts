import type { CSSProperties } from "react";
import { BOLD, DEFAULT_COLOR, DIM, INVERSE, ITALIC, STRIKE, UNDERLINE } from "../../lib/logs/ansi";
import type { RowPiece } from "../../lib/logs/layout";
import { ansiRgb, contrastRatio, ensureContrast, rgbCss } from "../../lib/logs/palette";

const BLACK = 0x000000;
const WHITE = 0xffffff;

/**
 * Inline style for one piece of log text. `panel` is the log background (0xRRGGBB) that fixed
 * colours are kept readable against. Dim text uses the muted text colour rather than opacity,
 * so it keeps a readable contrast too.
 */
export function pieceStyle(p: RowPiece, panel: number): CSSProperties | undefined {
  if (p.fg === DEFAULT_COLOR && p.bg === DEFAULT_COLOR && p.flags === 0) return undefined;
  const inverse = (p.flags & INVERSE) !== 0;
  const fgCode = inverse ? p.bg : p.fg;
  const bgCode = inverse ? p.fg : p.bg;
  const style: CSSProperties = {};

  // Background: explicit colour, or with inverse the default foreground.
  const bgRgb = bgCode === DEFAULT_COLOR ? (inverse ? null : panel) : ansiRgb(bgCode);
  if (bgCode !== DEFAULT_COLOR) style.backgroundColor = bgRgb === null ? `var(--ansi-${bgCode})` : rgbCss(bgRgb);
  else if (inverse) style.backgroundColor = "var(--log-fg)";

  const fgRgb = ansiRgb(fgCode);
  if (fgRgb !== null) style.color = rgbCss(bgRgb === null ? fgRgb : ensureContrast(fgRgb, bgRgb));
  else if (fgCode !== DEFAULT_COLOR) style.color = `var(--ansi-${fgCode})`;
  else if (inverse) style.color = "var(--log-bg)";
  else if (bgRgb !== null && bgRgb !== panel)
    style.color = rgbCss(contrastRatio(BLACK, bgRgb) >= contrastRatio(WHITE, bgRgb) ? BLACK : WHITE);
  else if (p.flags & DIM) style.color = "var(--color-muted)";

  if (p.flags & BOLD) style.fontWeight = 600;
  if (p.flags & ITALIC) style.fontStyle = "italic";
  if (p.flags & (UNDERLINE | STRIKE)) {
    style.textDecoration = [p.flags & UNDERLINE ? "underline" : "", p.flags & STRIKE ? "line-through" : ""]
      .filter(Boolean)
      .join(" ");
  }
  return style;
}
