import { useQuery } from "@tanstack/react-query";
import { Boxes, EyeOff } from "lucide-react";
import { buildResourcesQuery } from "../../../api/queries";
import type { WorkspaceBuild, WorkspaceResource } from "../../../api/types";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorState } from "../../../components/ErrorState";
import { SkeletonTable } from "../../../components/Skeleton";
import { StatusBadge } from "../../../components/StatusBadge";

const MASK = "••••••••";

export function ResourcesTable({ resources }: { resources: readonly WorkspaceResource[] }) {
  if (resources.length === 0) {
    return (
      <EmptyState icon={Boxes} title="No resources" description="This build created or changed no infrastructure." />
    );
  }
  const totalCost = resources.reduce((sum, r) => sum + (r.daily_cost || 0), 0);
  return (
    <div className="overflow-x-auto rounded-md border border-border bg-panel">
      <table aria-label="Resources" className="w-full border-collapse text-sm">
        <thead className="bg-raised/60 text-xs text-muted">
          <tr className="h-9 border-b border-border text-left">
            <th scope="col" className="px-3 font-medium">
              Type
            </th>
            <th scope="col" className="px-3 font-medium">
              Name
            </th>
            <th scope="col" className="px-3 font-medium">
              Agents
            </th>
            <th scope="col" className="px-3 text-right font-medium">
              Daily cost
            </th>
            <th scope="col" className="px-3 font-medium">
              Metadata
            </th>
          </tr>
        </thead>
        <tbody>
          {resources.map((r) => (
            <tr key={r.id} className="border-b border-border align-top last:border-b-0">
              <td className="px-3 py-2 font-mono text-xs">{r.type}</td>
              <td className="px-3 py-2">
                <span className="break-all">{r.name}</span>
                {r.hide && (
                  <span className="ml-2 inline-flex items-center gap-1 text-xs text-muted">
                    <EyeOff aria-hidden className="size-3" />
                    hidden
                  </span>
                )}
              </td>
              <td className="px-3 py-2">
                {(r.agents ?? []).length === 0 ? (
                  <span className="text-muted">—</span>
                ) : (
                  <ul className="flex flex-col gap-1">
                    {(r.agents ?? []).map((a) => (
                      <li key={a.id} className="flex flex-wrap items-center gap-2">
                        <span className="font-medium">{a.name}</span>
                        <StatusBadge kind="agentLifecycle" value={a.lifecycle_state} size="sm" variant="plain" />
                        <span className="text-xs text-muted">
                          {a.operating_system}/{a.architecture}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="px-3 py-2 text-right font-mono tabular-nums">
                {r.daily_cost || <span className="text-muted">0</span>}
              </td>
              <td className="px-3 py-2">
                {(r.metadata ?? []).length === 0 ? (
                  <span className="text-muted">—</span>
                ) : (
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
                    {(r.metadata ?? []).map((m) => (
                      <div key={m.key} className="contents">
                        <dt className="text-muted">{m.key}</dt>
                        <dd className="break-all font-mono">
                          {m.sensitive ? (
                            <span title="Sensitive value, hidden">
                              <span aria-hidden>{MASK}</span>
                              <span className="sr-only">hidden sensitive value</span>
                            </span>
                          ) : (
                            m.value
                          )}
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="h-9 border-t border-border bg-raised/40 text-xs">
            <th scope="row" colSpan={3} className="px-3 text-left font-medium text-muted">
              Total daily cost
            </th>
            <td className="px-3 text-right font-mono tabular-nums">{totalCost}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** `build.resources`; the `/resources` endpoint only for old servers whose builds do not embed them (docs/conventions.md). */
export function ResourcesTab({ build }: { build: WorkspaceBuild }) {
  const embedded = build.resources ?? [];
  const fallback = useQuery({ ...buildResourcesQuery(build.id), enabled: embedded.length === 0 });
  if (embedded.length > 0) return <ResourcesTable resources={embedded} />;
  if (fallback.isPending) return <SkeletonTable label="Loading resources" columns={5} rows={3} />;
  if (fallback.isError)
    return (
      <ErrorState error={fallback.error} title="Could not load resources" onRetry={() => void fallback.refetch()} />
    );
  return <ResourcesTable resources={fallback.data} />;
}
