import { CalendarClock, Minus, Plus, TriangleAlert } from "lucide-react";
import type { Workspace } from "../../../api/types";
import { Button } from "../../../components/Button";
import { cx } from "../../../components/cx";
import { RelativeTime } from "../../../components/RelativeTime";
import {
  changeDeadline,
  describeAutostart,
  describeAutostop,
  formatInZone,
  lifecycleNotices,
} from "../../../lib/workspace/schedule";
import type { ExtendModel } from "../model";

export interface ScheduleProps {
  workspace: Workspace;
  timeZone: string;
  extend: ExtendModel;
  now?: number;
}

/** Autostart and autostop in the owner's timezone, and +1h / −1h on a running workspace's stop time. */
export function Schedule({ workspace, timeZone, extend, now = Date.now() }: ScheduleProps) {
  const autostart = describeAutostart(workspace.autostart_schedule, timeZone);
  const autostop = describeAutostop(workspace, timeZone, now);
  const build = workspace.latest_build;
  const later = changeDeadline(build, 1, now);
  const earlier = changeDeadline(build, -1, now);
  const canAdjust = build.status === "running" && Boolean(build.deadline);
  return (
    <section aria-labelledby="schedule-title" className="rounded-md border border-border bg-panel">
      <h2
        id="schedule-title"
        className="flex items-center gap-1.5 border-b border-border px-4 py-2 text-sm font-semibold text-text"
      >
        <CalendarClock aria-hidden className="size-4 text-muted" />
        Schedule
      </h2>
      <dl className="flex flex-col gap-3 px-4 py-3 text-sm">
        <div>
          <dt className="text-xs text-muted">Autostart</dt>
          <dd className="text-text" data-testid="autostart">
            {autostart ? (
              <>
                {autostart.text} <span className="text-muted">({autostart.timeZone})</span>
                {workspace.next_start_at && (
                  <span className="block text-xs text-muted">
                    Next: {formatInZone(workspace.next_start_at, autostart.timeZone)}
                  </span>
                )}
              </>
            ) : (
              <span className="text-muted">Off</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Autostop</dt>
          <dd className="text-text" data-testid="autostop">
            {autostop ? (
              <>
                {autostop.text}
                {autostop.deadline && (
                  <>
                    {" "}
                    <span className="text-muted">
                      (<RelativeTime date={autostop.deadline} />)
                    </span>
                  </>
                )}
              </>
            ) : (
              <span className="text-muted">Off</span>
            )}
          </dd>
        </div>
      </dl>
      {(canAdjust || extend.error) && (
        <div className="px-4 pb-3">
          {canAdjust && (
            <div className="-mt-1 flex flex-wrap items-center gap-2">
              <Button
                size="sm"
                onClick={() => extend.extend(-1)}
                disabled={extend.pending || !earlier.ok}
                title={earlier.ok ? undefined : earlier.reason}
                aria-label="Stop one hour earlier"
              >
                <Minus aria-hidden className="size-3.5" />
                1h
              </Button>
              <Button
                size="sm"
                onClick={() => extend.extend(1)}
                disabled={extend.pending || !later.ok}
                title={later.ok ? undefined : later.reason}
                aria-label="Stop one hour later"
              >
                <Plus aria-hidden className="size-3.5" />
                1h
              </Button>
              {!later.ok && <span className="text-xs text-muted">{later.reason}</span>}
            </div>
          )}
          {extend.error && (
            <p role="alert" className="mt-1 text-xs text-failure">
              {extend.error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/** Dormancy and scheduled deletion: things that will happen to the workspace unless someone acts. */
export function LifecycleNotices({
  workspace,
  timeZone,
  now = Date.now(),
}: {
  workspace: Workspace;
  timeZone: string;
  now?: number;
}) {
  const notices = lifecycleNotices(workspace, timeZone, now);
  if (notices.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      {notices.map((notice) => (
        <p
          key={notice.text}
          data-testid="lifecycle-notice"
          className={cx(
            "flex items-start gap-2 rounded-md border px-3 py-2 text-sm text-text",
            notice.tone === "failure" ? "border-failure/40 bg-failure/5" : "border-attention/40 bg-attention/5",
          )}
        >
          <TriangleAlert
            aria-hidden
            className={cx("mt-0.5 size-4 shrink-0", notice.tone === "failure" ? "text-failure" : "text-attention")}
          />
          {notice.text}
        </p>
      ))}
    </div>
  );
}
