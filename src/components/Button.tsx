import type { ButtonHTMLAttributes, Ref } from "react";
import { LoaderCircle } from "lucide-react";
import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md" | "lg";

const VARIANTS: Record<ButtonVariant, string> = {
  // Dark mode's accent is light, so text on it turns dark to keep contrast.
  primary: "bg-accent text-white dark:text-slate-950 hover:brightness-90 border border-transparent",
  secondary: "bg-panel text-text border border-border hover:bg-raised",
  danger: "bg-failure text-white dark:text-slate-950 hover:bg-failure/90 border border-transparent",
  ghost: "bg-transparent text-text border border-transparent hover:bg-raised",
};

const SIZES: Record<ButtonSize, string> = {
  sm: "h-7 px-2 text-xs gap-1",
  md: "h-8 px-3 text-sm gap-1.5",
  lg: "h-10 px-4 text-sm gap-2",
};

/** Button look for things that are not `<button>` (e.g. a router `<Link>` styled as one). */
export function buttonClasses({
  variant = "secondary",
  size = "md",
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cx(
    "inline-flex shrink-0 items-center justify-center whitespace-nowrap rounded-md font-medium select-none",
    "transition-colors duration-100 disabled:pointer-events-none disabled:opacity-50 aria-disabled:opacity-50",
    VARIANTS[variant],
    SIZES[size],
    className,
  );
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner, keeps the label (so the width does not jump) and blocks clicks. */
  loading?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant = "secondary",
  size = "md",
  loading = false,
  disabled,
  className,
  children,
  type = "button",
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClasses({ variant, size, className })}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading && <LoaderCircle aria-hidden className="size-3.5 motion-safe:animate-spin" />}
      {children}
    </button>
  );
}
