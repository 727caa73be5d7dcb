import { isRouteErrorResponse, useRouteError } from "react-router";
import { ErrorState } from "../components/ErrorState";

/**
 * Per-route error boundary: a crash in one page shows here while the top bar keeps working. A
 * failed lazy chunk (a new deploy replaced it) is fixed by a reload, so "Retry" reloads.
 */
export function RouteError() {
  const error = useRouteError();
  const shown = isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error;
  return (
    <div className="mx-auto max-w-3xl p-4 sm:p-6">
      <ErrorState error={shown} title="This page failed to load" onRetry={() => window.location.reload()} />
    </div>
  );
}
