import type { ReactNode } from "react";
import { Inbox, type LucideIcon } from "lucide-react";
import { cx } from "./cx";

export interface EmptyStateProps {
  title: string;
  /** Why there is nothing here (e.g. "No workspace matches owner:me status:failed"). */
  description?: ReactNode;
  /** The one thing to do about it (a button or link). */
  action?: ReactNode;
  icon?: LucideIcon;
  className?: string;
}

export function EmptyState({ title, description, action, icon: Icon = Inbox, className }: EmptyStateProps) {
  return (
    <div
      className={cx(
        "flex flex-col items-center justify-center gap-2 rounded-md border border-dashed border-border px-6 py-12 text-center",
        className,
      )}
    >
      <Icon aria-hidden className="size-6 text-muted" />
      <h2 className="text-sm font-semibold text-text">{title}</h2>
      {description && <p className="max-w-md text-sm text-muted">{description}</p>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}
