// Reads started before the code that consumes them has loaded: on a cold open of a page with a
// long log, the log request can leave while the page's JavaScript is still downloading. A
// prefetched answer is taken once, by the first reader of the same path, and only while fresh.

/** Older prefetched answers are left to the garbage collector; the reader fetches anew. */
export const PREFETCH_TTL_MS = 10_000;

const started = new Map<string, { response: Promise<Response>; at: number }>();

/** Starts `GET <path>` (a same-origin API path, sent with the cookie) for a later reader. */
export function prefetch(path: string, now = Date.now()): void {
  const current = started.get(path);
  if (current && now - current.at < PREFETCH_TTL_MS) return;
  const response = fetch(path, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  // The taker handles a failure; one never taken must not surface as an unhandled rejection.
  response.catch(() => undefined);
  started.set(path, { response, at: now });
}

/** The prefetched answer for `path`, once; undefined when none was started or it is stale. */
export function takePrefetched(path: string, now = Date.now()): Promise<Response> | undefined {
  const entry = started.get(path);
  if (!entry) return undefined;
  started.delete(path);
  return now - entry.at < PREFETCH_TTL_MS ? entry.response : undefined;
}
