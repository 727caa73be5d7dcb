import { useCallback, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { patchWorkspaceInCache } from "../../api/cache";
import { keys } from "../../api/keys";
import { deleteWorkspace, startWorkspace, stopWorkspace, updateToActive } from "../../api/mutations";
import type { Workspace, WorkspaceBuild } from "../../api/types";
import { useToast } from "../../components/Toast";
import { BATCH_LABELS, runBatch, summarizeBatch, type BatchAction, type RowProgress } from "./model/batch";
import type { BatchRun } from "./model/batchReport";

const PERFORM: Record<BatchAction, (ws: Workspace) => Promise<WorkspaceBuild>> = {
  start: (ws) => startWorkspace(ws.id),
  stop: (ws) => stopWorkspace(ws.id),
  update: (ws) => updateToActive(ws),
  delete: (ws) => deleteWorkspace(ws.id),
};

export interface BatchState {
  progress: ReadonlyMap<string, RowProgress>;
  running: BatchAction | undefined;
  /** The last batch's action and rows, until its results are cleared. */
  last: BatchRun | undefined;
  run: (action: BatchAction, rows: readonly Workspace[]) => Promise<void>;
  clear: () => void;
}

/**
 * Runs a batch and keeps each row's progress on screen. Each accepted build is written into the
 * cached lists at once (the server's answer, so the row shows "Stopping" before any refetch), and
 * the lists are refetched once at the end rather than once per row.
 */
export function useBatch(): BatchState {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [progress, setProgress] = useState<ReadonlyMap<string, RowProgress>>(new Map());
  const [running, setRunning] = useState<BatchAction | undefined>(undefined);
  const [last, setLast] = useState<BatchRun | undefined>(undefined);

  const run = useCallback(
    async (action: BatchAction, rows: readonly Workspace[]) => {
      setRunning(action);
      setLast({ action, targets: rows });
      setProgress(new Map());
      const results = await runBatch(
        action,
        rows,
        async (ws) => {
          const build = await PERFORM[action](ws);
          patchWorkspaceInCache(queryClient, ws, (w) => ({ ...w, latest_build: build }));
        },
        (id, p) => setProgress((prev) => new Map(prev).set(id, p)),
      );
      setRunning(undefined);
      const failed = [...results.values()].some((r) => r.state === "failed");
      toast({
        title: `${BATCH_LABELS[action]}: ${summarizeBatch(action, results)}`,
        variant: failed ? "error" : "success",
      });
      await queryClient.invalidateQueries({ queryKey: keys.workspaceLists() });
    },
    [queryClient, toast],
  );

  const clear = useCallback(() => {
    setProgress(new Map());
    setLast(undefined);
  }, []);
  return { progress, running, last, run, clear };
}
