import { CircleX, RotateCw } from "lucide-react";
import { isApiError } from "../api/client";
import { Button } from "./Button";
import { cx } from "./cx";

export interface ErrorStateProps {
  /** Usually an ApiError; anything else is shown by its message. */
  error: unknown;
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
  className?: string;
}

/** What went wrong (message, detail, field validations) and a way to try again. */
export function ErrorState({ error, title, onRetry, retrying, className }: ErrorStateProps) {
  const { message, detail, validations, status } = describeError(error);
  return (
    <div
      role="alert"
      className={cx("flex flex-col gap-2 rounded-md border border-failure/30 bg-failure/5 p-4", className)}
    >
      <div className="flex items-start gap-2">
        <CircleX aria-hidden className="mt-0.5 size-4 shrink-0 text-failure" />
        <div className="min-w-0 flex-1">
          <h2 className="text-sm font-semibold text-text">
            {title ?? (status === 0 ? "Connection problem" : "Something went wrong")}
          </h2>
          <p className="mt-0.5 break-words text-sm text-text">{message}</p>
          {detail && <p className="mt-1 break-words font-mono text-xs text-muted">{detail}</p>}
          {validations.length > 0 && (
            <ul className="mt-1 list-disc pl-5 text-xs text-muted">
              {validations.map((v) => (
                <li key={v.field + v.detail}>
                  <span className="font-mono">{v.field}</span>: {v.detail}
                </li>
              ))}
            </ul>
          )}
        </div>
        {onRetry && (
          <Button size="sm" onClick={onRetry} loading={retrying}>
            {!retrying && <RotateCw aria-hidden className="size-3.5" />}
            Retry
          </Button>
        )}
      </div>
    </div>
  );
}

function describeError(error: unknown) {
  if (isApiError(error))
    return { message: error.message, detail: error.detail, validations: error.validations, status: error.status };
  if (error instanceof Error) return { message: error.message, detail: undefined, validations: [], status: undefined };
  return { message: String(error), detail: undefined, validations: [], status: undefined };
}
