import { useEffect, useState } from "react";
import { followBuildLogs, type LogStreamState } from "../../api/logStreams";
import type { ProvisionerJobLog } from "../../api/types";

/** The build's provisioner log, followed live until the job completes (the stream closes 1000 at once for a finished build). */
export function useBuildLogs(buildId: string | undefined): { logs: ProvisionerJobLog[]; state: LogStreamState; error?: Error } {
  const [result, setResult] = useState<{ id?: string; logs: ProvisionerJobLog[]; state: LogStreamState; error?: Error }>({ logs: [], state: "connecting" });
  useEffect(() => {
    if (!buildId) return;
    setResult({ id: buildId, logs: [], state: "connecting" });
    const handle = followBuildLogs(buildId, {
      onLogs: (batch) => setResult((r) => ({ ...r, logs: r.logs.concat(batch) })),
      onState: (state, error) => setResult((r) => ({ ...r, state, error })),
    });
    return () => handle.close();
  }, [buildId]);
  return result.id === buildId ? result : { logs: [], state: "connecting" };
}
