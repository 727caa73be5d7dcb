import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Workspace } from "../../../api/types";
import { settingsPath } from "../../../app/params";
import { LiveIndicator, type LiveState } from "../../../components/LiveIndicator";
import { cx } from "../../../components/cx";
import { StatusBadge } from "../../../components/StatusBadge";
import { MEANING_CLASSES } from "../../../lib/status";
import type { WorkspaceReadiness } from "../../../lib/workspace/readiness";

export interface HeaderProps {
  workspace: Workspace;
  readiness: WorkspaceReadiness;
  live: LiveState;
  /** Updates arrive over HTTP (WebSockets refused). */
  liveOverHttp?: boolean;
  actions: ReactNode;
  /** "Notify me when ready" (from the page container: it needs the app's notify watcher). */
  notify?: ReactNode;
}

/** Name, owner, template and version, the status as the server reports it, and whether it is live. */
export function Header({ workspace, readiness, live, liveOverHttp, actions, notify }: HeaderProps) {
  const build = workspace.latest_build;
  return (
    <header className="flex flex-col gap-3 lg:flex-row lg:items-start lg:justify-between">
      <div className="min-w-0">
        <nav aria-label="Breadcrumb" className="text-sm text-muted">
          <Link to="/workspaces" className="hover:text-text hover:underline">
            Workspaces
          </Link>
          <span aria-hidden> / </span>
          <span>{workspace.owner_name}</span>
        </nav>
        <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-2">
          <h1 className="min-w-0 break-all text-xl font-semibold text-text">{workspace.name}</h1>
          <span
            data-testid="workspace-status"
            data-workspace-status={build.status}
            data-ready={readiness.ready || undefined}
            className="min-w-0 max-w-full"
          >
            {/* Plain text on the page colour (a tinted pill fails contrast for green in light mode), framed like a pill. */}
            <span
              className={cx(
                "inline-flex h-7 max-w-full items-center rounded-full border px-2.5",
                MEANING_CLASSES[readiness.meaning].border,
              )}
            >
              <StatusBadge
                kind={readiness.status.kind}
                value={readiness.status.value}
                label={readiness.label}
                variant="plain"
              />
            </span>
          </span>
          {workspace.dormant_at && <StatusBadge kind="flag" value="dormant" size="sm" variant="plain" />}
          <LiveIndicator state={live} overHttp={liveOverHttp} />
        </div>
        <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted">
          <span>
            {workspace.template_display_name || workspace.template_name}
            <span aria-hidden> · </span>
            <span className="font-mono">{build.template_version_name}</span>
          </span>
          <Link to={settingsPath(workspace.owner_name, workspace.name)} className="text-accent hover:underline">
            Settings
          </Link>
          {workspace.outdated && (
            <StatusBadge
              kind="flag"
              value="outdated"
              size="sm"
              variant="plain"
              label="Outdated: a newer template version is active"
            />
          )}
        </p>
      </div>
      <div className="flex flex-col items-start gap-2 lg:items-end">
        {notify}
        {actions}
      </div>
    </header>
  );
}
