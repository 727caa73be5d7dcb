/** Counters persisted with the state, so ids and job ordinals stay unique across restarts. */
export interface Counters {
  nextOrdinal: number;
  idCounter: number;
}

/** Mints the ids and job ordinals the store hands out at run time. */
export class IdSource {
  private nextOrdinal = 1;
  private idCounter = 0;

  /** `seed`: the world's seed, so two worlds never mint the same ids. */
  constructor(private readonly seed: number) {}

  mintId(): string {
    this.idCounter++;
    const h = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
    const a = h(this.seed ^ 0x5eed);
    const b = h(this.idCounter);
    const c = h(Math.imul(this.idCounter, 0x9e3779b1) ^ this.seed);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-a${c.slice(1, 4)}-${c}${h(this.idCounter * 7919).slice(4)}`;
  }

  takeOrdinal(): number {
    return this.nextOrdinal++;
  }

  /** A job with `ordinal` exists already (seeded or restored): later ones come after it. */
  noteOrdinal(ordinal: number): void {
    this.nextOrdinal = Math.max(this.nextOrdinal, ordinal + 1);
  }

  counters(): Counters {
    return { nextOrdinal: this.nextOrdinal, idCounter: this.idCounter };
  }

  restore(c: Counters): void {
    this.nextOrdinal = c.nextOrdinal;
    this.idCounter = c.idCounter;
  }
}
