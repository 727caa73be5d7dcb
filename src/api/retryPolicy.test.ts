import { describe, expect, it } from "vitest";
import {
  Backoff,
  RETRY_DEFAULTS,
  backoffDelay,
  isRetryableError,
  queryRetryDelay,
  shouldRetryQuery,
} from "./retryPolicy";

describe("backoffDelay", () => {
  it("doubles from the base up to the cap without jitter", () => {
    const delays = [0, 1, 2, 3, 4, 5, 10].map((a) => backoffDelay(a, { baseMs: 100, maxMs: 1_000, jitter: 0 }));
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
  });
  it("randomizes only the jitter share", () => {
    expect(backoffDelay(2, { baseMs: 100, jitter: 0.5 }, () => 0)).toBe(200);
    expect(backoffDelay(2, { baseMs: 100, jitter: 0.5 }, () => 1)).toBe(400);
    expect(backoffDelay(2, { baseMs: 100, jitter: 1 }, () => 0)).toBe(0);
  });
  it("spreads many clients apart", () => {
    const seen = new Set(Array.from({ length: 50 }, () => backoffDelay(3)));
    expect(seen.size).toBeGreaterThan(10);
  });
});

describe("Backoff", () => {
  it("counts failures and starts over after reset", () => {
    const b = new Backoff({ baseMs: 10, jitter: 0 });
    expect([b.next(), b.next(), b.next()]).toEqual([10, 20, 40]);
    expect(b.failures).toBe(3);
    b.reset();
    expect(b.next()).toBe(10);
  });
});

describe("query retry policy", () => {
  const err = (status: number) => ({ status, message: "x" });
  it("retries network errors and 5xx, never 4xx", () => {
    expect(isRetryableError(err(0))).toBe(true);
    expect(isRetryableError(err(500))).toBe(true);
    expect(isRetryableError(err(503))).toBe(true);
    for (const s of [400, 401, 403, 404, 409, 410, 412]) expect(isRetryableError(err(s))).toBe(false);
    expect(isRetryableError(new TypeError("bug"))).toBe(false);
  });
  it("gives up after three retries", () => {
    expect(shouldRetryQuery(0, err(500))).toBe(true);
    expect(shouldRetryQuery(2, err(500))).toBe(true);
    expect(shouldRetryQuery(3, err(500))).toBe(false);
    expect(shouldRetryQuery(0, err(404))).toBe(false);
  });
  it("waits longer each time, capped at 8 s", () => {
    expect(queryRetryDelay(0)).toBeLessThanOrEqual(500);
    expect(queryRetryDelay(10)).toBeLessThanOrEqual(8_000);
    expect(queryRetryDelay(10)).toBeGreaterThanOrEqual(4_000);
  });
  it("never retries mutations", () => {
    expect(RETRY_DEFAULTS.mutations.retry).toBe(false);
  });
});
