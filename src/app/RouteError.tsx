import { Component, type ErrorInfo, type ReactNode } from "react";
import { ErrorState } from "../components/ErrorState";

interface Props {
  children: ReactNode;
}

/**
 * Per-route error boundary: a crash in one page shows here while the top bar keeps working. The
 * router keys it by path, so navigating away clears it. A failed lazy chunk (a new deploy replaced
 * it) is fixed by a reload, so "Retry" reloads.
 */
export class RouteErrorBoundary extends Component<Props, { error: unknown }> {
  state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error("Page crashed", error, info.componentStack);
  }

  render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <div className="mx-auto max-w-3xl p-4 sm:p-6">
        <ErrorState
          error={this.state.error}
          title="This page failed to load"
          onRetry={() => window.location.reload()}
        />
      </div>
    );
  }
}
