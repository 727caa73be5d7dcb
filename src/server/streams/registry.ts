/** Open streams, so faults can cut them and shutdown can end them. */
export interface OpenStream {
  /** Abnormal end: the socket is destroyed (WS 1006, SSE reset). */
  kill(): void;
}

export class StreamRegistry {
  private readonly open = new Set<OpenStream>();

  constructor(private readonly dropAfterMs: number | null) {}

  /** Registers a stream; with --drop-streams-after-ms it is killed that long after opening. */
  add(stream: OpenStream): () => void {
    this.open.add(stream);
    let timer: NodeJS.Timeout | undefined;
    if (this.dropAfterMs !== null && this.dropAfterMs >= 0) {
      timer = setTimeout(() => {
        this.open.delete(stream);
        stream.kill();
      }, this.dropAfterMs);
    }
    return () => {
      if (timer) clearTimeout(timer);
      this.open.delete(stream);
    };
  }

  get size(): number {
    return this.open.size;
  }

  killAll(): void {
    for (const s of [...this.open]) s.kill();
    this.open.clear();
  }
}
