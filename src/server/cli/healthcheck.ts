// The container's HEALTHCHECK: the slim Node image has no curl, so Node asks /healthz itself.
// What it prints shows in `docker inspect` when the check fails.
const port = process.env.PORT ?? "3000";
try {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(3000) });
  if (!res.ok) process.stderr.write(`/healthz answered ${res.status}\n`);
  process.exit(res.ok ? 0 : 1);
} catch (err) {
  process.stderr.write(`/healthz unreachable: ${String(err)} ${String((err as Error).cause ?? "")}\n`);
  process.exit(1);
}

// A module (top-level await), not a script.
export {};
