// A module (top-level await), not a script.
export {};
// The container's HEALTHCHECK: the slim Node image has no curl, so Node asks /healthz itself.
const port = process.env.PORT ?? "3000";
try {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(3000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
