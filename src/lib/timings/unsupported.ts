/** Coder added the timings endpoints in v2.16. */
const FIRST_WITH_TIMINGS: [number, number] = [2, 16];

/** `v2.24.1+sim` → [2, 24]; undefined when the version cannot be read. */
export function majorMinor(version: string | undefined): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version?.trim() ?? "");
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/**
 * What to say when the timings endpoint answers 404: blame the server's age only when
 * `/buildinfo` says it is older than v2.16.
 */
export function unsupportedTimingsCopy(version: string | undefined): { title: string; description: string } {
  const v = majorMinor(version);
  const older =
    v !== undefined &&
    (v[0] < FIRST_WITH_TIMINGS[0] || (v[0] === FIRST_WITH_TIMINGS[0] && v[1] < FIRST_WITH_TIMINGS[1]));
  if (older)
    return {
      title: "This Coder server does not report timings",
      description: `This server runs ${version}; the timings endpoint arrived in v2.16. Upgrade Coder to see the Gantt chart.`,
    };
  return {
    title: "Timings not available",
    description: `The server${version ? ` (${version})` : ""} answered 404 for this build's timings. A proxy in front of Coder may block the endpoint, or the build is no longer visible to you.`,
  };
}
