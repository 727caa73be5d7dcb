// CSS colours for ANSI colour numbers. The 16 base colours are CSS variables (the viewer's
// stylesheet tunes them for light and dark). The 6×6×6 cube, greys and truecolour are what the
// program asked for, nudged towards black or white only as far as needed to stay readable
// (a minimum contrast ratio, as terminals such as VS Code's do), so orange on white or navy on
// the dark theme does not vanish.

import { DEFAULT_COLOR, TRUECOLOR, type AnsiColor } from "./ansi";

const CUBE_LEVELS = [0, 95, 135, 175, 215, 255];
export const MIN_CONTRAST = 4.5;

/** 0xRRGGBB for a fixed colour; null for the default colour and the themed 16. */
export function ansiRgb(color: AnsiColor): number | null {
  if (color === DEFAULT_COLOR || (color >= 0 && color < 16)) return null;
  if (color >= TRUECOLOR) return color & 0xffffff;
  if (color < 232) {
    const i = color - 16;
    return (CUBE_LEVELS[Math.floor(i / 36)] << 16) | (CUBE_LEVELS[Math.floor(i / 6) % 6] << 8) | CUBE_LEVELS[i % 6];
  }
  const grey = 8 + (color - 232) * 10;
  return (grey << 16) | (grey << 8) | grey;
}

export const rgbCss = (rgb: number) => `#${(0x1000000 | rgb).toString(16).slice(1)}`;

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

function luminance(rgb: number): number {
  return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) + 0.0722 * channel(rgb & 0xff);
}

/** WCAG contrast ratio of two colours (1–21). */
export function contrastRatio(a: number, b: number): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function mix(rgb: number, target: number, t: number): number {
  const m = (shift: number) => Math.round(((rgb >> shift) & 0xff) * (1 - t) + ((target >> shift) & 0xff) * t);
  return (m(16) << 16) | (m(8) << 8) | m(0);
}

/** `fg` moved towards black (light `bg`) or white (dark `bg`) until the ratio is at least `min`. */
export function ensureContrast(fg: number, bg: number, min = MIN_CONTRAST): number {
  if (contrastRatio(fg, bg) >= min) return fg;
  const target = luminance(bg) > 0.18 ? 0x000000 : 0xffffff;
  let lo = 0;
  let hi = 1;
  // Binary search the smallest blend that reaches the ratio: keeps as much of the hue as possible.
  for (let k = 0; k < 12; k++) {
    const t = (lo + hi) / 2;
    if (contrastRatio(mix(fg, target, t), bg) >= min) hi = t;
    else lo = t;
  }
  return mix(fg, target, hi);
}

/** CSS for a foreground on a background; null when it is the default colour. */
export function ansiColorCss(color: AnsiColor, background?: number): string | null {
  if (color === DEFAULT_COLOR) return null;
  const rgb = ansiRgb(color);
  if (rgb === null) return `var(--ansi-${color})`;
  return rgbCss(background === undefined ? rgb : ensureContrast(rgb, background));
}
