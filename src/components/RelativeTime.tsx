import { useEffect, useState } from "react";
import { formatAbsolute, formatRelative, relativeTickMs } from "../lib/format";
import { cx } from "./cx";

/** "5 minutes ago", kept current; the exact time is on hover and in the `datetime` attribute. */
export function RelativeTime({
  date,
  className,
}: {
  date: string | number | Date | undefined | null;
  className?: string;
}) {
  const now = useNow(date);
  if (date === undefined || date === null || date === "") return <span className={cx("text-muted", className)}>—</span>;
  const iso = new Date(date).toISOString();
  return (
    <time dateTime={iso} title={formatAbsolute(date)} className={cx("whitespace-nowrap", className)}>
      {formatRelative(date, now)}
    </time>
  );
}

/** Re-renders as often as the label can change: each second for fresh times, each minute for old ones. */
function useNow(date: string | number | Date | undefined | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (date === undefined || date === null || date === "") return;
    const timer = setTimeout(() => setNow(Date.now()), relativeTickMs(date, now));
    return () => clearTimeout(timer);
  }, [date, now]);
  return now;
}
