// The app-level watcher behind "Notify me when ready": one watch stream per awaited workspace,
// opened while the person is anywhere in the app and closed once its build has ended. The list of
// awaited workspaces lives in localStorage per user, so a reload or another tab keeps waiting.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useNavigate } from "react-router";
import type { Workspace } from "../../api/types";
import { watchWorkspace, type WatchHandle } from "../../api/watch";
import { useToast, type ToastVariant } from "../../components/Toast";
import {
  awaitedStorageKey,
  parseAwaited,
  withAwaited,
  withoutAwaited,
  type AwaitedWorkspace,
} from "../../lib/notify/awaited";
import { buildEnding, endingMessage, opensBuild, type Ending, type EndingKind } from "../../lib/notify/ending";
import { useMe } from "../auth";
import { buildPath, workspacePath } from "../params";
import { raiseTabBadge } from "./badge";
import { showSystemNotification } from "./systemNotification";

/** `performance` measure: the watch event that showed the ending → the notification (or in-page alert) shown. */
export const NOTIFY_LATENCY_MEASURE = "notify:latency";

interface NotifyApi {
  isAwaited: (workspaceId: string) => boolean;
  await: (workspace: Pick<Workspace, "id" | "owner_name" | "name">) => void;
  forget: (workspaceId: string) => void;
}

const NotifyContext = createContext<NotifyApi | null>(null);

const TOAST_VARIANT: Record<EndingKind, ToastVariant> = {
  ready: "success",
  "script-failed": "error",
  unhealthy: "error",
  failed: "error",
  canceled: "info",
  stopped: "info",
  deleted: "info",
};

function readStored(key: string): AwaitedWorkspace[] {
  try {
    return parseAwaited(localStorage.getItem(key), Date.now());
  } catch {
    return [];
  }
}

function writeStored(key: string, list: readonly AwaitedWorkspace[]) {
  try {
    if (list.length === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(list));
  } catch {
    // Storage full or blocked: waiting still works until the tab closes.
  }
}

export function NotifyProvider({ children }: { children: ReactNode }) {
  const userId = useMe()?.id;
  const key = userId ? awaitedStorageKey(userId) : undefined;
  const navigate = useNavigate();
  const { toast } = useToast();
  const [awaited, setAwaited] = useState<AwaitedWorkspace[]>([]);
  const handles = useRef(new Map<string, WatchHandle>());

  useEffect(() => {
    if (!key) return;
    setAwaited(readStored(key));
    // Another tab asked (or its watcher delivered): follow the stored list.
    const onStorage = (e: StorageEvent) => {
      if (e.key === key) setAwaited(readStored(key));
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [key]);

  const change = useCallback(
    (update: (list: AwaitedWorkspace[]) => AwaitedWorkspace[]) => {
      if (!key) return;
      // From storage, not state: another tab may have changed it since.
      const next = update(readStored(key));
      writeStored(key, next);
      setAwaited(next);
    },
    [key],
  );

  const deliver = useCallback(
    (workspace: Workspace, ending: Ending, eventAt: number) => {
      change((list) => withoutAwaited(list, workspace.id));
      const message = endingMessage(workspace, ending);
      const path = opensBuild(ending)
        ? buildPath(workspace.owner_name, workspace.name, ending.buildNumber)
        : workspacePath(workspace.owner_name, workspace.name);
      const open = () => void navigate(path);
      if (!showSystemNotification(message, `workspace-ending:${workspace.id}`, open)) {
        toast({
          title: message.title,
          description: message.body,
          variant: TOAST_VARIANT[ending.kind],
          durationMs: 15_000,
          action: { label: opensBuild(ending) ? "Open build" : "Open workspace", onClick: open },
        });
        raiseTabBadge();
      }
      performance.measure(NOTIFY_LATENCY_MEASURE, { start: eventAt, end: performance.now() });
    },
    [change, navigate, toast],
  );
  const deliverRef = useRef(deliver);
  useEffect(() => {
    deliverRef.current = deliver;
  }, [deliver]);

  useEffect(() => {
    const open = handles.current;
    const ids = new Set(awaited.map((e) => e.workspaceId));
    for (const [id, handle] of open) {
      if (ids.has(id)) continue;
      handle.close();
      open.delete(id);
    }
    for (const id of ids) {
      if (open.has(id)) continue;
      let done = false;
      const handle = watchWorkspace(id, {
        onWorkspace: (workspace) => {
          const eventAt = performance.now();
          const ending = buildEnding(workspace);
          if (!ending || done) return;
          done = true;
          deliverRef.current(workspace, ending, eventAt);
        },
      });
      open.set(id, handle);
    }
  }, [awaited]);

  useEffect(() => {
    const open = handles.current;
    return () => {
      for (const handle of open.values()) handle.close();
      open.clear();
    };
  }, []);

  const api = useMemo<NotifyApi>(
    () => ({
      isAwaited: (id) => awaited.some((e) => e.workspaceId === id),
      await: (ws) =>
        change((list) =>
          withAwaited(list, { workspaceId: ws.id, owner: ws.owner_name, name: ws.name, since: Date.now() }),
        ),
      forget: (id) => change((list) => withoutAwaited(list, id)),
    }),
    [awaited, change],
  );

  return <NotifyContext.Provider value={api}>{children}</NotifyContext.Provider>;
}

export function useNotify(): NotifyApi {
  const api = useContext(NotifyContext);
  if (!api) throw new Error("useNotify must be used inside <NotifyProvider>");
  return api;
}
