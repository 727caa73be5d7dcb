import { lazy, Suspense } from "react";
import type { ConfirmDialogProps } from "../../components/ConfirmDialog";

// The dialog library is only needed once someone deletes: keep it out of the list's first load.
const ConfirmDialog = lazy(() => import("../../components/ConfirmDialog").then((m) => ({ default: m.ConfirmDialog })));

/** The shared ConfirmDialog, fetched on first open. */
export function LazyConfirmDialog(props: ConfirmDialogProps) {
  if (!props.open) return null;
  return (
    <Suspense fallback={null}>
      <ConfirmDialog {...props} />
    </Suspense>
  );
}
