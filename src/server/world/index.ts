import { Store, type ContentGenerator } from "../store/store";
import { createRng } from "../util/prng";
import { buildBenchWorld } from "./bench";
import { WorldBuilder } from "./builder";
import { buildDemoWorld } from "./demo";
import { historyGenerator } from "./materialize";
import { applyHostileRecords, hostileGenerator } from "./xss";

/** `xss`: the demo world with hostile strings in every free-text field (e2e XSS suite). */
export type WorldName = "demo" | "bench" | "xss";

export interface WorldOptions {
  seed: number;
  world: WorldName;
  provisioners: number;
  now?: () => number;
}

/** A store filled with the seeded world, timestamps anchored to now. */
export function createWorld(opts: WorldOptions): Store {
  const store = new Store({ now: opts.now, generator: contentGenerator(opts.world), seed: opts.seed });
  const w = new WorldBuilder(store, createRng(opts.seed));
  w.provisioners(opts.provisioners);
  if (opts.world === "bench") buildBenchWorld(w);
  else buildDemoWorld(w);
  if (opts.world === "xss") applyHostileRecords(store);
  return store;
}

/** How a world materializes historical build content (also used when a state file is loaded). */
export function contentGenerator(world: string): ContentGenerator {
  return world === "xss" ? hostileGenerator(historyGenerator) : historyGenerator;
}
