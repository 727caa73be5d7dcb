// The table's cells, shared by the desktop columns and the phone cards.
import { Link } from "react-router";
import { Ban, CircleCheck, CircleX, Clock, LoaderCircle } from "lucide-react";
import type { Workspace } from "../../api/types";
import { Avatar } from "../../components/Avatar";
import { RelativeTime } from "../../components/RelativeTime";
import { StatusBadge } from "../../components/StatusBadge";
import { cx } from "../../components/cx";
import { humanize } from "../../lib/status";
import type { RowProgress } from "./model/batch";
import { agentHealth } from "./model/health";
import { TemplateIcon } from "./TemplateIcon";
import { workspaceHref } from "./links";

export function NameCell({ workspace }: { workspace: Workspace }) {
  return (
    <div className="flex min-w-0 items-center gap-2">
      <TemplateIcon src={workspace.template_icon} />
      <div className="flex min-w-0 flex-col leading-tight">
        <Link to={workspaceHref(workspace)} className="truncate font-medium text-text hover:underline">
          {workspace.name}
        </Link>
        <span className="truncate text-xs text-muted">
          {workspace.template_display_name || workspace.template_name}
        </span>
      </div>
      {workspace.dormant_at && <StatusBadge kind="flag" value="dormant" size="sm" variant="plain" />}
    </div>
  );
}

export function OwnerCell({ workspace }: { workspace: Workspace }) {
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5">
      <Avatar name={workspace.owner_name} src={workspace.owner_avatar_url} size="sm" />
      <span className="truncate">{workspace.owner_name}</span>
    </span>
  );
}

/** Plain (no pill): dense cells, and the pill tints cost the light theme its text contrast. */
export function StatusCell({ workspace }: { workspace: Workspace }) {
  return (
    <span data-col="status">
      <StatusBadge kind="workspace" value={workspace.latest_build.status} size="sm" variant="plain" />
    </span>
  );
}

/** "Start by alice · 5 minutes ago". */
export function LastBuildCell({ workspace }: { workspace: Workspace }) {
  const build = workspace.latest_build;
  return (
    <div className="flex min-w-0 flex-col leading-tight">
      <span className="truncate">
        {humanize(build.transition)} <span className="text-muted">by</span> {build.initiator_name}
      </span>
      <RelativeTime date={build.created_at} className="text-xs text-muted" />
    </div>
  );
}

export function VersionCell({ workspace }: { workspace: Workspace }) {
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5">
      <span className="truncate font-mono text-xs">{workspace.latest_build.template_version_name}</span>
      {workspace.outdated && <StatusBadge kind="flag" value="outdated" size="sm" variant="plain" />}
    </span>
  );
}

/** Coder's "never used" is the zero time. */
function neverUsed(iso: string | undefined): boolean {
  return !iso || iso.startsWith("0001-");
}

export function LastUsedCell({ workspace }: { workspace: Workspace }) {
  return (
    <span data-last-used={workspace.last_used_at}>
      {neverUsed(workspace.last_used_at) ? (
        <span className="text-muted">Never</span>
      ) : (
        <RelativeTime date={workspace.last_used_at} />
      )}
    </span>
  );
}

export function AgentHealthCell({ workspace }: { workspace: Workspace }) {
  const health = agentHealth(workspace);
  if (!health) return <span className="text-muted">—</span>;
  if (health === "connecting") return <StatusBadge kind="agentStatus" value="connecting" variant="plain" size="sm" />;
  return <StatusBadge kind="appHealth" value={health} variant="plain" size="sm" />;
}

const PROGRESS_LOOK = {
  queued: { icon: Clock, className: "text-muted", text: () => "Waiting" },
  running: { icon: LoaderCircle, className: "text-progress", text: () => "Sending…" },
  succeeded: { icon: CircleCheck, className: "text-ok", text: () => "Requested" },
  failed: {
    icon: CircleX,
    className: "text-failure",
    text: (p: RowProgress) => (p.state === "failed" ? (p.status ? `${p.status}: ${p.message}` : p.message) : ""),
  },
  skipped: {
    icon: Ban,
    className: "text-muted",
    text: (p: RowProgress) => (p.state === "skipped" ? `Skipped: ${p.reason}` : ""),
  },
} as const;

/**
 * One row's share of a batch: waiting, sending, requested, or why it failed or was skipped. In a
 * table cell it is cut short (the title has it all); `full` shows all of it, for the results list.
 */
export function BatchProgressNote({ progress, full = false }: { progress: RowProgress; full?: boolean }) {
  const look = PROGRESS_LOOK[progress.state];
  const Icon = look.icon;
  const text = look.text(progress);
  return (
    <span
      data-batch-state={progress.state}
      title={text}
      className={cx("inline-flex items-start gap-1 text-xs", !full && "max-w-64", look.className)}
    >
      <Icon
        aria-hidden
        className={cx("mt-0.5 size-3 shrink-0", progress.state === "running" && "motion-safe:animate-spin")}
      />
      <span className={full ? "break-words" : progress.state === "failed" ? "line-clamp-2 break-words" : "truncate"}>
        {text}
      </span>
    </span>
  );
}
