// Frame and long-task timing shared by the bench pages (both measure inside the page).

const longTasks: Array<{ start: number; end: number }> = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: "longtask", buffered: true });
} catch {
  // No Long Tasks API: longestTask reports 0.
}

/** Longest main-thread task (ms) that overlapped [from, to]. */
export function longestTask(from: number, to: number): number {
  let max = 0;
  for (const t of longTasks) if (t.end >= from && t.start <= to) max = Math.max(max, t.end - t.start);
  return max;
}

/** Resolves at the next animation frame, with its timestamp. */
export const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
