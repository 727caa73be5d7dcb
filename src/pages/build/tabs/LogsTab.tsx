import type { WorkspaceBuild } from "../../../api/types";
import { LogViewer } from "../../../components/LogViewer";
import { isActiveJob } from "../../../api/jobStatus";
import type { FollowedLog } from "../useFollowedLog";

/** The provisioner log: stage groups, live while the job runs, `#L` deep links. */
export function LogsTab({ build, log }: { build: WorkspaceBuild; log: FollowedLog }) {
  const live = isActiveJob(build.job.status);
  return (
    <div className="h-[70vh] min-h-80">
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
      />
    </div>
  );
}
