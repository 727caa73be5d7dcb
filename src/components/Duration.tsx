import { useEffect, useState } from "react";
import { durationBetween, formatAbsolute, formatDuration } from "../lib/format";
import { cx } from "./cx";

export type DurationProps =
  | { ms: number | undefined; start?: never; end?: never; className?: string }
  | { ms?: never; start: string | undefined; end?: string | null; className?: string };

/**
 * `1m 05s` in monospace tabular digits. Given a start and no end, it ticks each second (a running
 * job); given neither a duration nor a start, a dash.
 */
export function Duration(props: DurationProps) {
  const running = props.ms === undefined && props.start !== undefined && !props.end;
  const now = useTicker(running);
  const ms = props.ms ?? durationBetween(props.start, props.end, now);
  const title = props.start
    ? `${formatAbsolute(props.start)}${props.end ? ` → ${formatAbsolute(props.end)}` : " → now"}`
    : undefined;
  return (
    <span title={title} className={cx("whitespace-nowrap font-mono tabular-nums", props.className)}>
      {ms === undefined ? "—" : formatDuration(ms)}
    </span>
  );
}

function useTicker(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
