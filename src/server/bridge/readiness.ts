/** How long `/readyz` waits for the Coder deployment before calling this replica not ready. */
const UPSTREAM_TIMEOUT_MS = 2000;

/**
 * Ready when the API behind us answers: always for the built-in one; in proxy mode when Coder's
 * public `/api/v2/buildinfo` does (a down Coder should take replicas out of rotation, not crash them).
 */
export async function upstreamReady(coderUrl: string | null): Promise<{ ok: boolean; detail: string }> {
  if (!coderUrl) return { ok: true, detail: "built-in API" };
  const url = new URL("/api/v2/buildinfo", coderUrl);
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
    await res.body?.cancel();
    return res.ok
      ? { ok: true, detail: `${url.origin} answers` }
      : { ok: false, detail: `${url.origin} answered ${res.status}` };
  } catch (err) {
    return { ok: false, detail: `${url.origin} unreachable (${err instanceof Error ? err.message : String(err)})` };
  }
}
