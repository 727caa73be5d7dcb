// "Notify me when ready": offered while the workspace's latest build (or its agents) is still on
// its way. The browser is asked for permission on the first click, never before; where it says no
// (or has no Notification API) the toggle says that an in-app alert and a tab badge stand in.
import { useId, useState } from "react";
import { Bell, BellRing } from "lucide-react";
import type { Workspace } from "../../api/types";
import { Button, type ButtonSize } from "../../components/Button";
import { buildEnding } from "../../lib/notify/ending";
import { useNotify } from "./NotifyProvider";
import { notifyPermission, requestNotifyPermission, type NotifyPermission } from "./systemNotification";

export function NotifyToggle({ workspace, size = "md" }: { workspace: Workspace; size?: ButtonSize }) {
  const notify = useNotify();
  const [permission, setPermission] = useState<NotifyPermission>(notifyPermission);
  const [asking, setAsking] = useState(false);
  const noteId = useId();
  const on = notify.isAwaited(workspace.id);
  if (!on && buildEnding(workspace) !== undefined) return null;
  const inApp = permission === "denied" || permission === "unsupported";

  const toggle = async () => {
    if (on) return notify.forget(workspace.id);
    if (permission === "default") {
      setAsking(true);
      setPermission(await requestNotifyPermission());
      setAsking(false);
    }
    notify.await(workspace);
  };

  const Icon = on ? BellRing : Bell;
  return (
    <div className="flex flex-col items-start gap-1" data-testid="notify-toggle">
      <Button
        size={size}
        variant={on ? "primary" : "secondary"}
        aria-pressed={on}
        aria-describedby={inApp ? noteId : undefined}
        loading={asking}
        onClick={() => void toggle()}
      >
        {!asking && <Icon aria-hidden className="size-3.5" />}
        {on ? "Notifying when ready" : "Notify me when ready"}
      </Button>
      {inApp && (
        <p id={noteId} className="max-w-64 text-xs text-muted">
          {permission === "denied"
            ? "Browser notifications are blocked for this site: you'll get an in-app alert and a badge on the tab."
            : "This browser can't show notifications: you'll get an in-app alert and a badge on the tab."}
        </p>
      )}
    </div>
  );
}
