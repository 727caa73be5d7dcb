// Answers to requests that public/route-boot.js sent on a cold open of a deep link, before any
// module had loaded. The API client and the log follow take them here instead of asking again:
// each answer is taken once, by a GET for exactly its path and query, while it is fresh.

/** Older than this, an answer is not what the page would get by asking now. */
export const EARLY_RESPONSE_MAX_AGE_MS = 10_000;

interface EarlyResponses {
  at: number;
  responses: Record<string, Promise<Response> | undefined>;
  /**
   * A request the boot sends once an earlier answer names it (the build log, once the build is
   * known): a GET under `prefix` waits for `settled` rather than racing it with a second request.
   */
  later?: { prefix: string; settled: Promise<unknown> };
}

const registry = (): EarlyResponses | undefined =>
  (globalThis as { __earlyResponses?: EarlyResponses }).__earlyResponses;

/** The early answer for a GET of `url` (absolute, or a path from the site root), once. */
export async function takeEarlyResponse(url: string, now: number = Date.now()): Promise<Response | undefined> {
  const early = registry();
  if (!early) return undefined;
  if (now - early.at > EARLY_RESPONSE_MAX_AGE_MS) {
    // Nobody took these in time: let their unread bodies go.
    delete (globalThis as { __earlyResponses?: EarlyResponses }).__earlyResponses;
    return undefined;
  }
  const { pathname, search } = new URL(url, "http://origin.invalid");
  const key = pathname + search;
  if (!early.responses[key] && early.later && key.startsWith(early.later.prefix)) {
    await early.later.settled.catch(() => undefined);
  }
  const answer = early.responses[key];
  if (!answer) return undefined;
  delete early.responses[key];
  return answer;
}

/** `fetch`, except that a GET answered early is taken from here instead of asked again. */
export async function fetchOrTakeEarly(url: string, init: RequestInit): Promise<Response> {
  const early = (init.method ?? "GET") === "GET" ? await takeEarlyResponse(url) : undefined;
  return early ?? fetch(url, init);
}
