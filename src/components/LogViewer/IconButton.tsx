import type { LucideIcon } from "lucide-react";
import { cx } from "../cx";

export interface IconButtonProps {
  label: string;
  icon: LucideIcon;
  onClick: () => void;
  /** A toggle: announced as pressed / not pressed. */
  pressed?: boolean;
  disabled?: boolean;
  className?: string;
}

/** A small square toolbar button whose label is its accessible name and tooltip. */
export function IconButton({ label, icon: Icon, onClick, pressed, disabled, className }: IconButtonProps) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
      className={cx(
        "inline-flex size-7 shrink-0 items-center justify-center rounded-md text-muted hover:bg-raised hover:text-text disabled:pointer-events-none disabled:opacity-40",
        pressed && "bg-accent/15 text-accent hover:bg-accent/20 hover:text-accent",
        className,
      )}
    >
      <Icon aria-hidden className="size-4" />
    </button>
  );
}
