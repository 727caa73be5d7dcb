import { Store } from "../store/store";
import { createRng } from "../util/prng";
import { buildBenchWorld } from "./bench";
import { WorldBuilder } from "./builder";
import { buildDemoWorld } from "./demo";
import { historyGenerator } from "./materialize";

export interface WorldOptions {
  seed: number;
  world: "demo" | "bench";
  provisioners: number;
  now?: () => number;
}

/** A store filled with the seeded world, timestamps anchored to now. */
export function createWorld(opts: WorldOptions): Store {
  const store = new Store({ now: opts.now, generator: historyGenerator, seed: opts.seed });
  const w = new WorldBuilder(store, createRng(opts.seed));
  w.provisioners(opts.provisioners);
  if (opts.world === "bench") buildBenchWorld(w);
  else buildDemoWorld(w);
  return store;
}
