import { ServerCog } from "lucide-react";
import type { ProvisionerDaemon, ProvisionerDaemonJob } from "../../api/types";
import { cx } from "../../components/cx";
import { RelativeTime } from "../../components/RelativeTime";
import { normalizeTags, TAG_OWNER, TAG_SCOPE } from "../../lib/provisionerTags";

const STATUS_STYLE: Record<string, string> = {
  busy: "bg-progress/15 text-progress",
  idle: "bg-ok/15 text-ok",
  offline: "bg-failure/15 text-failure",
};

/** The tags that tell daemons apart: the default `scope=organization, owner=` pair is left out. */
function visibleTags(tags: Record<string, string> | null): string[] {
  const n = normalizeTags(tags ?? {}, tags?.[TAG_OWNER]);
  return Object.entries(n)
    .filter(([k, v]) => !(k === TAG_OWNER && v === "") && !(k === TAG_SCOPE && v === "organization"))
    .map(([k, v]) => `${k}=${v}`);
}

function JobLine({ label, job }: { label: string; job: ProvisionerDaemonJob | null }) {
  if (!job) return null;
  return (
    <span className="truncate">
      {label} {job.template_display_name || job.template_name} <span className="text-muted">({job.status})</span>
    </span>
  );
}

/** The organization's provisioner daemons (admins): what each offers, what it runs; offline ones stand out. */
export function DaemonsPanel({ daemons }: { daemons: readonly ProvisionerDaemon[] }) {
  const order = { offline: 0, busy: 1, idle: 2 } as Record<string, number>;
  const sorted = [...daemons].sort(
    (a, b) => (order[a.status ?? ""] ?? 3) - (order[b.status ?? ""] ?? 3) || a.name.localeCompare(b.name),
  );
  const offline = daemons.filter((d) => d.status === "offline").length;
  return (
    <section aria-labelledby="daemons-title" data-testid="daemons-panel" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="daemons-title" className="flex items-center gap-2 text-base font-semibold text-text">
          <ServerCog aria-hidden className="size-4 text-muted" />
          Provisioners
        </h2>
        <p className="text-xs text-muted">
          {daemons.length} daemon{daemons.length === 1 ? "" : "s"}
          {offline > 0 && <span className="font-medium text-failure"> · {offline} offline</span>}
        </p>
      </div>
      {daemons.length === 0 ? (
        <p className="rounded-md border border-border bg-panel px-3 py-4 text-sm text-muted">
          No provisioner daemon is registered in this organization: no build can start.
        </p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
          {sorted.map((d) => (
            <li
              key={d.id}
              data-testid="daemon"
              data-name={d.name}
              data-status={d.status ?? ""}
              className={cx(
                "flex min-w-0 flex-col gap-1 rounded-md border bg-panel px-3 py-2 text-xs",
                d.status === "offline" ? "border-failure/50" : "border-border",
              )}
            >
              <div className="flex items-center justify-between gap-2">
                <span className="truncate text-sm font-medium text-text">{d.name}</span>
                <span className={cx("shrink-0 rounded px-1.5 py-0.5 font-medium", STATUS_STYLE[d.status ?? ""] ?? "")}>
                  {d.status ?? "unknown"}
                </span>
              </div>
              <div className="flex flex-wrap gap-1" aria-label="Tags">
                {visibleTags(d.tags).length === 0 ? (
                  <span className="text-muted">untagged</span>
                ) : (
                  visibleTags(d.tags).map((t) => (
                    <code key={t} data-testid="daemon-tag" className="rounded bg-raised px-1 font-mono text-text">
                      {t}
                    </code>
                  ))
                )}
              </div>
              <span className="text-muted">
                {d.version} ·{" "}
                {d.status === "offline" ? (
                  <span className="font-medium text-failure">
                    last seen <RelativeTime date={d.last_seen_at} />
                  </span>
                ) : (
                  "seen now"
                )}
              </span>
              <JobLine label="Running" job={d.current_job} />
              <JobLine label="Last" job={d.previous_job} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
