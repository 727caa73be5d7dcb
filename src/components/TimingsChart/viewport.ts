/** The visible window of the time axis, in axis units (ms from the build start, breaks compressed). */
export interface Viewport {
  from: number;
  to: number;
}

/** Zooming stops at 1 ms across the view: below that the API's timestamps carry no meaning. */
export const MIN_SPAN = 1;

/** How far past either end of the build the view may go, as a fraction of its length. */
const OVERSCROLL = 0.05;

export function fullView(length: number): Viewport {
  return { from: 0, to: Math.max(length, MIN_SPAN) };
}

function limits(length: number): { lo: number; hi: number } {
  const pad = Math.max(length, MIN_SPAN) * OVERSCROLL;
  return { lo: -pad, hi: Math.max(length, MIN_SPAN) + pad };
}

/** Keeps the view inside the build (plus a little overscroll) and no narrower than MIN_SPAN. */
export function clampView(view: Viewport, length: number): Viewport {
  const { lo, hi } = limits(length);
  let span = Math.min(Math.max(view.to - view.from, MIN_SPAN), hi - lo);
  if (!Number.isFinite(span)) span = hi - lo;
  let from = view.from;
  if (from < lo) from = lo;
  if (from + span > hi) from = hi - span;
  return { from, to: from + span };
}

/** Zooms by `factor` (< 1 zooms in) keeping the axis position `anchor` under the pointer. */
export function zoomAround(view: Viewport, anchor: number, factor: number, length: number): Viewport {
  const from = anchor - (anchor - view.from) * factor;
  const to = anchor + (view.to - anchor) * factor;
  return clampView({ from, to }, length);
}

export function panBy(view: Viewport, delta: number, length: number): Viewport {
  return clampView({ from: view.from + delta, to: view.to + delta }, length);
}

/** Converts wheel deltas to a zoom factor; pinch gestures arrive as ctrl+wheel with small deltas. */
export function wheelZoomFactor(deltaY: number, deltaMode: number, pinch: boolean): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const sensitivity = pinch ? 0.01 : 0.002;
  return Math.exp(Math.max(-200, Math.min(200, pixels)) * sensitivity);
}

export function isFullView(view: Viewport, length: number): boolean {
  const full = fullView(length);
  const tolerance = (full.to - full.from) * 1e-6;
  return Math.abs(view.from - full.from) <= tolerance && Math.abs(view.to - full.to) <= tolerance;
}
