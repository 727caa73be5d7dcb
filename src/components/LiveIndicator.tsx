import { cx } from "./cx";

export type LiveState = "connecting" | "live" | "reconnecting" | "offline";

const LOOK: Record<LiveState, { label: string; dot: string; text: string; pulse: boolean }> = {
  connecting: { label: "Connecting…", dot: "bg-neutral", text: "text-muted", pulse: true },
  live: { label: "Live", dot: "bg-ok", text: "text-ok", pulse: true },
  reconnecting: { label: "Reconnecting…", dot: "bg-attention", text: "text-attention", pulse: true },
  offline: { label: "Offline", dot: "bg-failure", text: "text-failure", pulse: false },
};

/**
 * Whether the page is receiving live updates, and how when it is not the usual WebSocket (`overHttp`:
 * a proxy refused WebSockets, so updates come as an HTTP stream and logs are polled); announced
 * politely when it changes.
 */
export function LiveIndicator({
  state,
  overHttp = false,
  className,
}: {
  state: LiveState;
  overHttp?: boolean;
  className?: string;
}) {
  const look = LOOK[state];
  const label = state === "live" && overHttp ? "Live over HTTP" : look.label;
  return (
    <span
      role="status"
      aria-live="polite"
      data-live-state={state}
      data-live-transport={overHttp ? "http" : "ws"}
      title={
        overHttp ? "WebSockets are unavailable here (a proxy may block them): updates arrive over HTTP." : undefined
      }
      className={cx("inline-flex items-center gap-1.5 text-xs font-medium", look.text, className)}
    >
      <span aria-hidden className="relative inline-flex size-2">
        {look.pulse && (
          <span
            className={cx("absolute inline-flex size-full rounded-full opacity-60 motion-safe:animate-ping", look.dot)}
          />
        )}
        <span className={cx("relative inline-flex size-2 rounded-full", look.dot)} />
      </span>
      {label}
    </span>
  );
}
