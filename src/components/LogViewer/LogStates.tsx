import { ArrowDownToLine, RotateCw, Scissors, WifiOff } from "lucide-react";
import { Button } from "../Button";
import { Skeleton } from "../Skeleton";
import { formatCount } from "../../lib/format";

const SKELETON_WIDTHS = ["w-3/5", "w-4/5", "w-2/5", "w-11/12", "w-1/2", "w-3/4", "w-1/3", "w-2/3"];

export function LogSkeleton() {
  return (
    <div role="status" aria-label="Loading logs" className="flex flex-col gap-2 p-3">
      {SKELETON_WIDTHS.map((width, i) => (
        <div key={i} className="flex items-center gap-3">
          <Skeleton className="h-3 w-8" />
          <Skeleton className={`h-3 ${width}`} />
        </div>
      ))}
    </div>
  );
}

export function LogMessage({
  title,
  detail,
  action,
}: {
  title: string;
  detail?: string;
  action?: { label: string; onClick: () => void };
}) {
  return (
    <div className="flex h-full min-h-32 flex-col items-center justify-center gap-1 p-6 text-center font-sans">
      <p className="text-sm font-medium text-text">{title}</p>
      {detail && <p className="text-sm text-muted">{detail}</p>}
      {action && (
        <Button size="sm" className="mt-2" onClick={action.onClick}>
          {action.label}
        </Button>
      )}
    </div>
  );
}

export function StreamErrorBanner({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div
      role="alert"
      className="flex items-center gap-2 border-b border-failure/30 bg-failure/10 px-3 py-1.5 text-sm text-text"
    >
      <WifiOff aria-hidden className="size-4 shrink-0 text-failure" />
      <span className="min-w-0 flex-1">
        <span className="font-medium">Log stream interrupted.</span> {message}
      </span>
      {onRetry && (
        <Button size="sm" onClick={onRetry}>
          <RotateCw aria-hidden className="size-3.5" />
          Retry
        </Button>
      )}
    </div>
  );
}

export function TruncatedBanner() {
  return (
    <div
      role="note"
      className="flex items-center gap-2 border-b border-attention/30 bg-attention/10 px-3 py-1.5 text-sm text-text"
    >
      <Scissors aria-hidden className="size-4 shrink-0 text-attention" />
      <span>
        <span className="font-medium">Log truncated.</span> The server stopped storing lines once this log grew too
        large; later output is not shown.
      </span>
    </div>
  );
}

export function JumpToLatest({ count, onClick }: { count: number; onClick: () => void }) {
  return (
    <Button variant="primary" size="sm" className="absolute bottom-3 right-5 z-10 shadow-lg" onClick={onClick}>
      <ArrowDownToLine aria-hidden className="size-3.5" />
      Jump to latest{count > 0 ? ` (${formatCount(count)} new)` : ""}
    </Button>
  );
}
