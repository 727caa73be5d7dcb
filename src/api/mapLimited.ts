// Bounded parallelism: the browser has few connections per origin, so a batch of 25 deletes or the
// overview's history fetches must not starve the pages' own polling.

/** Runs `task` for every item with at most `concurrency` in flight; results in item order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}
