// CSS colours for ANSI colour numbers. The 16 base colours are CSS variables (the viewer's
// stylesheet tunes them for light and dark); the 6×6×6 cube, greys and truecolour are fixed.

import { DEFAULT_COLOR, TRUECOLOR, type AnsiColor } from "./ansi";

const CUBE_LEVELS = [0, 95, 135, 175, 215, 255];

const hex = (r: number, g: number, b: number) => `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;

/** A CSS colour for an ANSI colour, or null for the default colour. */
export function ansiColorCss(color: AnsiColor): string | null {
  if (color === DEFAULT_COLOR) return null;
  if (color >= TRUECOLOR) return hex((color >> 16) & 0xff, (color >> 8) & 0xff, color & 0xff);
  if (color < 16) return `var(--ansi-${color})`;
  if (color < 232) {
    const i = color - 16;
    return hex(CUBE_LEVELS[Math.floor(i / 36)], CUBE_LEVELS[Math.floor(i / 6) % 6], CUBE_LEVELS[i % 6]);
  }
  const grey = 8 + (color - 232) * 10;
  return hex(grey, grey, grey);
}
