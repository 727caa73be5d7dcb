// The requests the overview makes, behind one small interface so the store can be tested with a
// fake server. Only endpoints a real Coder serves.
import { api } from "../../../api/client";
import { followBuildLogs } from "../../../api/logStreams";
import type {
  ProvisionerDaemon,
  ProvisionerJob,
  Workspace,
  WorkspaceBuild,
  WorkspacesResponse,
} from "../../../api/types";

export interface OverviewApi {
  /** `GET /workspaces?q=`: an empty query is every workspace the caller may read (all for admins). */
  workspaces(offset: number, limit: number): Promise<WorkspacesResponse>;
  workspace(id: string): Promise<Workspace>;
  /** `GET /workspaces/{id}/builds`, newest first; `since` (RFC 3339) or `after_id` (a build id). */
  builds(workspaceId: string, query: { since?: string; after_id?: string }): Promise<WorkspaceBuild[]>;
  /** `GET /organizations/{org}/provisionerjobs`: owners only (404 to members and on older servers). */
  jobs(organizationId: string, query: { status?: string; limit: number }): Promise<ProvisionerJob[]>;
  /** `GET /organizations/{org}/provisionerdaemons?offline=true`: every daemon, offline ones too. */
  daemons(organizationId: string): Promise<ProvisionerDaemon[]>;
  /** Follows a running build's log and reports its latest stage; returns a function that stops. */
  followStage(buildId: string, onStage: (stage: string) => void): () => void;
}

const enc = encodeURIComponent;

export const browserOverviewApi: OverviewApi = {
  workspaces: (offset, limit) => api.get<WorkspacesResponse>("/workspaces", { q: "", limit, offset }),
  workspace: (id) => api.get<Workspace>(`/workspaces/${enc(id)}`),
  builds: (workspaceId, query) => api.get<WorkspaceBuild[]>(`/workspaces/${enc(workspaceId)}/builds`, query),
  jobs: (organizationId, query) =>
    api.get<ProvisionerJob[]>(`/organizations/${enc(organizationId)}/provisionerjobs`, query),
  daemons: (organizationId) =>
    api.get<ProvisionerDaemon[]>(`/organizations/${enc(organizationId)}/provisionerdaemons`, { offline: true }),
  followStage: (buildId, onStage) => {
    const handle = followBuildLogs(buildId, {
      onLogs: (logs) => {
        const last = logs[logs.length - 1];
        if (last?.stage) onStage(last.stage);
      },
    });
    return () => handle.close();
  },
};
