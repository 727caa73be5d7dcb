import type { WorkspaceBuild } from "../../../api/types";
import { LogViewer } from "../../../components/LogViewer";
import { isActiveJob } from "../../../api/jobStatus";
import type { FollowedLog } from "../../../hooks/useFollowedLog";
import { PollingNote } from "./PollingNote";

/** The provisioner log: stage groups, live while the job runs, `#L` deep links. */
export function LogsTab({ build, log }: { build: WorkspaceBuild; log: FollowedLog }) {
  const live = isActiveJob(build.job.status);
  return (
    <div data-testid="build-log" data-stream-state={log.state} className="flex h-[70vh] min-h-80 flex-col gap-1">
      <PollingNote state={log.state} />
      <LogViewer
        source={log.store}
        label={`Build #${build.build_number} log`}
        loading={log.state === "connecting" && log.store.length === 0}
        live={live}
        error={log.state === "error" ? (log.error ?? "The log stream failed.") : null}
        onRetry={log.retry}
        truncated={build.job.logs_overflowed}
        downloadUrl={`/api/v2/workspacebuilds/${encodeURIComponent(build.id)}/logs?format=text`}
        downloadName={`${build.workspace_name}-build-${build.build_number}.log`}
        className="min-h-0 flex-1"
      />
    </div>
  );
}
