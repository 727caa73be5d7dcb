// The one retry policy (issue 11): queries retry 5xx and network failures with backoff, never a 4xx
// (asking again will not change the answer); mutations are never retried automatically, because a
// write that got a 500 may already have happened (the server's fault injection does exactly that).

export const MAX_QUERY_RETRIES = 3;

export interface BackoffOptions {
  /** First delay. */
  baseMs?: number;
  /** Ceiling for any single delay. */
  maxMs?: number;
  factor?: number;
  /** Fraction of the delay that is randomized (0 = none, 1 = anywhere in [0, delay]). */
  jitter?: number;
}

const DEFAULT_BACKOFF: Required<BackoffOptions> = { baseMs: 500, maxMs: 15_000, factor: 2, jitter: 0.5 };

/**
 * Exponential backoff with jitter for attempt 0, 1, 2…: `base·factor^attempt`, capped, then the
 * `jitter` share of it randomized so many clients dropped together do not reconnect in lockstep.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const { baseMs, maxMs, factor, jitter } = { ...DEFAULT_BACKOFF, ...options };
  const ceiling = Math.min(maxMs, baseMs * factor ** Math.max(0, attempt));
  return Math.round(ceiling * (1 - jitter) + ceiling * jitter * random());
}

/** Counts consecutive failures; `reset()` once a connection proves healthy. */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly options: BackoffOptions = {},
    private readonly random: () => number = Math.random,
  ) {}

  /** Delay before the next attempt; each call counts as one more failure. */
  next(): number {
    return backoffDelay(this.attempt++, this.options, this.random);
  }

  reset(): void {
    this.attempt = 0;
  }

  get failures(): number {
    return this.attempt;
  }
}

function statusOf(error: unknown): number | undefined {
  if (error && typeof error === "object" && "status" in error && typeof error.status === "number") return error.status;
  return undefined;
}

/** Network failure (status 0) or a server-side failure: worth another try. */
export function isRetryableError(error: unknown): boolean {
  const status = statusOf(error);
  return status !== undefined && (status === 0 || status >= 500);
}

/** React Query `retry` for queries. */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_QUERY_RETRIES && isRetryableError(error);
}

/** React Query `retryDelay` for queries (attempt index starts at 0). */
export function queryRetryDelay(attempt: number): number {
  return backoffDelay(attempt, { baseMs: 500, maxMs: 8_000 });
}

/** Spread into a QueryClient's `defaultOptions`. */
export const RETRY_DEFAULTS = {
  queries: { retry: shouldRetryQuery, retryDelay: queryRetryDelay },
  mutations: { retry: false },
} as const;
