// Real servers send Go's zero time ("0001-01-01T00:00:00Z"), empty strings or nothing for a time
// that is not known yet; all of those mean "absent" here.
const EARLIEST_PLAUSIBLE = Date.UTC(1971, 0, 1);

/** Epoch milliseconds of an API timestamp, or `undefined` when it is absent, zero or unparseable. */
export function parseTimingTime(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t) || t < EARLIEST_PLAUSIBLE) return undefined;
  return t;
}
