import type { StageHue } from "../../lib/timings";

/** Colours the canvas needs, read from the theme's CSS variables so light and dark stay in one place (src/index.css). */
export interface ChartPalette {
  stage: Record<StageHue, string>;
  failure: string;
  attention: string;
  progress: string;
  accent: string;
  text: string;
  muted: string;
  border: string;
  panel: string;
  raised: string;
  fontFamily: string;
}

/** The light theme's stage hues (also what the bench pages paint with, so every variant shows the same colours). */
export const STAGE_HUES: Readonly<Record<StageHue, string>> = {
  init: "#56b4e9",
  plan: "#e69f00",
  graph: "#cc79a7",
  apply: "#0072b2",
  connect: "#009e73",
  script: "#8b5cf6",
  other: "#5b6675",
};

// Used when a variable is missing (jsdom, or a theme without it); the light theme's values.
const FALLBACK: ChartPalette = {
  stage: { ...STAGE_HUES },
  failure: "#b91c1c",
  attention: "#a16207",
  progress: "#1d4ed8",
  accent: "#2563eb",
  text: "#0f172a",
  muted: "#526071",
  border: "#e2e8f0",
  panel: "#ffffff",
  raised: "#f1f5f9",
  fontFamily: "system-ui, sans-serif",
};

export function readPalette(): ChartPalette {
  if (typeof document === "undefined") return FALLBACK;
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const stage = {} as Record<StageHue, string>;
  for (const hue of Object.keys(FALLBACK.stage) as StageHue[]) {
    stage[hue] =
      hue === "other" ? v("--status-neutral", FALLBACK.stage.other) : v(`--color-stage-${hue}`, FALLBACK.stage[hue]);
  }
  return {
    stage,
    failure: v("--status-failure", FALLBACK.failure),
    attention: v("--status-attention", FALLBACK.attention),
    progress: v("--status-progress", FALLBACK.progress),
    accent: v("--accent", FALLBACK.accent),
    text: v("--text-default", FALLBACK.text),
    muted: v("--text-muted", FALLBACK.muted),
    border: v("--surface-border", FALLBACK.border),
    panel: v("--surface-panel", FALLBACK.panel),
    raised: v("--surface-raised", FALLBACK.raised),
    fontFamily: getComputedStyle(document.body ?? document.documentElement).fontFamily || FALLBACK.fontFamily,
  };
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function inkOn(hex: string): "#000000" | "#ffffff" {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return "#000000";
  const n = parseInt(m[1], 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const L = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return (L + 0.05) / 0.05 > 1.05 / (L + 0.05) ? "#000000" : "#ffffff";
}
