import { mulberry32 } from "../../lib/random";

/**
 * Small seeded PRNG (mulberry32) so the whole world is a pure function of the seed:
 * same seed → same names, ids, timestamps offsets and log text.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, maxInclusive: number): number;
  range(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  uuid(): string;
  hex(len: number): string;
  /** An independent generator derived from this one and a label, stable under reordering elsewhere. */
  fork(label: string | number): Rng;
}

export function hashString(s: string): number {
  // FNV-1a, enough to spread labels over the 32-bit seed space.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  const baseSeed = seed >>> 0 || 0x9e3779b9;
  const next = mulberry32(baseSeed);
  const hex = (len: number): string => {
    let out = "";
    while (out.length < len)
      out += Math.floor(next() * 0x100000000)
        .toString(16)
        .padStart(8, "0");
    return out.slice(0, len);
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    range: (min, max) => min + next() * (max - min),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    hex,
    uuid: () => {
      const h = hex(32);
      const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    fork: (label) => createRng(hashString(`${baseSeed}:${label}`)),
  };
  return rng;
}
