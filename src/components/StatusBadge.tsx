import { MEANING_CLASSES, statusInfo, type StatusKind } from "../lib/status";
import { cx } from "./cx";
import { STATUS_ICONS } from "./statusIcons";

export interface StatusBadgeProps {
  kind: StatusKind;
  value: string | undefined | null;
  /** Overrides the map's label (e.g. "Queued 3/5"); colour and icon still come from the map. */
  label?: string;
  size?: "sm" | "md";
  /** Icon and text only, no pill (for dense table cells). */
  variant?: "pill" | "plain";
  className?: string;
}

/** A state as colour + icon + text (never colour alone); in-progress states get a pulsing dot. */
export function StatusBadge({ kind, value, label, size = "md", variant = "pill", className }: StatusBadgeProps) {
  const info = statusInfo(kind, value);
  const colours = MEANING_CLASSES[info.meaning];
  const Icon = STATUS_ICONS[info.icon];
  const text = label ?? info.label;
  return (
    <span
      data-status={value ?? undefined}
      data-meaning={info.meaning}
      className={cx(
        "inline-flex max-w-full items-center gap-1.5 whitespace-nowrap font-medium",
        size === "sm" ? "text-xs" : "text-sm",
        variant === "pill" &&
          cx("rounded-full border px-2", size === "sm" ? "h-5" : "h-6", colours.soft, colours.border),
        colours.text,
        className,
      )}
    >
      <span aria-hidden className="relative inline-flex shrink-0">
        <Icon className={size === "sm" ? "size-3" : "size-3.5"} />
        {info.meaning === "progress" && (
          <span
            className={cx("absolute -right-0.5 -top-0.5 size-1.5 rounded-full motion-safe:animate-ping", colours.bg)}
          />
        )}
      </span>
      <span className="truncate">{text}</span>
    </span>
  );
}
