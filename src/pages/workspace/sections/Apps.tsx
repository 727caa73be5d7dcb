import { AppWindow, ExternalLink, Terminal } from "lucide-react";
import type { WorkspaceApp } from "../../../api/types";
import { cx } from "../../../components/cx";
import { RelativeTime } from "../../../components/RelativeTime";
import { StatusBadge } from "../../../components/StatusBadge";
import { appHref, latestStatuses, type AppLinkContext } from "../../../lib/workspace/apps";

/** An agent's apps: health, a link that opens each one, and what AI-task apps last reported. */
export function Apps({ apps, link }: { apps: readonly WorkspaceApp[]; link: AppLinkContext }) {
  const shown = apps.filter((a) => !a.hidden);
  if (shown.length === 0) return null;
  return (
    <div>
      <h4 className="mb-1.5 text-xs font-medium uppercase tracking-wide text-muted">Apps</h4>
      <ul aria-label="Apps" className="flex flex-col divide-y divide-border rounded-md border border-border">
        {shown.map((app) => (
          <AppRow key={app.id} app={app} href={appHref(app, link)} />
        ))}
      </ul>
    </div>
  );
}

function AppRow({ app, href }: { app: WorkspaceApp; href: string | undefined }) {
  const name = app.display_name || app.slug;
  const Icon = app.command && !app.url ? Terminal : AppWindow;
  const statuses = latestStatuses(app.statuses ?? [], 3);
  return (
    <li data-testid="app" data-app={app.slug} className="flex flex-col gap-1.5 px-3 py-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="flex min-w-0 items-center gap-2">
          <Icon aria-hidden className="size-4 shrink-0 text-muted" />
          {href ? (
            <a
              href={href}
              target="_blank"
              rel="noreferrer noopener"
              title={app.tooltip}
              className="inline-flex min-w-0 items-center gap-1 truncate text-sm font-medium text-accent hover:underline"
            >
              {name}
              <ExternalLink aria-hidden className="size-3 shrink-0" />
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          ) : (
            <span
              className="truncate text-sm font-medium text-text"
              title={app.command ? `Runs: ${app.command}` : undefined}
            >
              {name}
            </span>
          )}
        </span>
        {app.health !== "disabled" && <StatusBadge kind="appHealth" value={app.health} size="sm" variant="plain" />}
      </div>
      {statuses.length > 0 && (
        <ul aria-label={`${name} status`} className="flex flex-col gap-1 pl-6">
          {statuses.map((status, i) => {
            const highlight = status.state === "failure" || status.state === "working";
            return (
              <li
                key={status.id}
                className={cx(
                  "flex flex-wrap items-start gap-x-2 gap-y-0.5 rounded px-1.5 py-1 text-xs",
                  i === 0 && highlight && (status.state === "failure" ? "bg-failure/10" : "bg-progress/10"),
                  i > 0 && "opacity-80",
                )}
              >
                <StatusBadge kind="appState" value={status.state} size="sm" variant="plain" />
                <span className="min-w-0 flex-1 break-words text-text">{status.message}</span>
                <RelativeTime date={status.created_at} className="text-muted" />
                {status.uri && /^https?:\/\//i.test(status.uri) && (
                  <a
                    href={status.uri}
                    target="_blank"
                    rel="noreferrer noopener"
                    className="text-accent hover:underline"
                  >
                    Open link<span className="sr-only"> for this status</span>
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}
