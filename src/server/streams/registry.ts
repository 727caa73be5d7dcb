/** Open streams, so faults can cut them and shutdown can end them. */
export interface OpenStream {
  /** Abnormal end: the socket is destroyed (WS 1006, SSE reset). */
  kill(): void;
  /** Orderly end for a server going away: WebSocket close 1001, a last SSE comment. */
  end(): void;
}

/** RFC 6455 "going away": the server is shutting down; clients reconnect elsewhere. */
export const CLOSE_GOING_AWAY = 1001;

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

  /** Ends every stream in order (shutdown); streams that do not finish are killed by `killAll`. */
  endAll(): void {
    for (const s of [...this.open]) s.end();
  }

  killAll(): void {
    for (const s of [...this.open]) s.kill();
    this.open.clear();
  }
}
