/** Minimum wall time of any simulated state, so a browser test can observe it at any speed. */
export const MIN_STATE_MS = 300;

/**
 * Timers for the simulation: scaled by --speed, all cancellable at shutdown.
 * `wait` resolves false once stopped, so async flows can bail out.
 */
export class SimClock {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(readonly speed: number) {}

  /** Simulated duration → wall milliseconds. */
  scale(ms: number, min = 0): number {
    return Math.max(min, Math.round(ms / Math.max(0.001, this.speed)));
  }

  wait(wallMs: number): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    return new Promise((resolve) => {
      const t = setTimeout(
        () => {
          this.timers.delete(t);
          resolve(!this.stopped);
        },
        Math.max(0, wallMs),
      );
      this.timers.add(t);
    });
  }

  every(wallMs: number, fn: () => void): void {
    const t = setInterval(() => {
      if (!this.stopped) fn();
    }, wallMs);
    this.timers.add(t);
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
