import type { LogStreamState } from "../../../api/logStreams";

/** Says how a followed log arrives when it is not the usual WebSocket. */
export function PollingNote({ state }: { state: LogStreamState }) {
  if (state !== "polling") return null;
  return (
    <p role="status" className="text-xs text-muted">
      Following over HTTP: WebSockets are unavailable here, so new lines are fetched every second.
    </p>
  );
}
