import { useState } from "react";
import { Box, Database, Eye, EyeOff, HardDrive, Network, Server, type LucideIcon } from "lucide-react";
import type { WorkspaceResource, WorkspaceResourceMetadata } from "../../../api/types";

/** A Terraform resource type as an icon: a lucide shape per family (template icons may not load offline). */
function typeIcon(type: string): LucideIcon {
  if (/volume|disk|ebs|persistent|pvc|storage/i.test(type)) return HardDrive;
  if (/database|rds|sql/i.test(type)) return Database;
  if (/network|vpc|subnet|security_group|ingress|service/i.test(type)) return Network;
  if (/container|pod|deployment|docker/i.test(type)) return Box;
  return Server;
}

/** The latest build's resources, hidden ones behind a toggle, with metadata (sensitive values masked until revealed). */
export function Resources({ resources }: { resources: readonly WorkspaceResource[] }) {
  const [showHidden, setShowHidden] = useState(false);
  const hidden = resources.filter((r) => r.hide).length;
  const shown = showHidden ? resources : resources.filter((r) => !r.hide);
  return (
    <section aria-labelledby="resources-title" className="rounded-md border border-border bg-panel">
      <div className="flex items-center justify-between gap-2 border-b border-border px-4 py-2">
        <h2 id="resources-title" className="text-sm font-semibold text-text">
          Resources
        </h2>
        {hidden > 0 && (
          <button
            type="button"
            aria-pressed={showHidden}
            onClick={() => setShowHidden((v) => !v)}
            className="text-xs text-accent hover:underline"
          >
            {showHidden ? "Hide hidden resources" : `Show ${hidden} hidden`}
          </button>
        )}
      </div>
      {shown.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted">
          {resources.length === 0 ? "This build left no resources." : "Every resource of this build is hidden."}
        </p>
      ) : (
        <ul className="divide-y divide-border">
          {shown.map((resource) => (
            <ResourceRow key={resource.id} resource={resource} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ResourceRow({ resource }: { resource: WorkspaceResource }) {
  const Icon = typeIcon(resource.type);
  const metadata = resource.metadata ?? [];
  return (
    <li data-testid="resource" className="px-4 py-2.5">
      <div className="flex min-w-0 items-center gap-2">
        <Icon aria-hidden className="size-4 shrink-0 text-muted" />
        <span className="truncate text-sm font-medium text-text">{resource.name}</span>
        <span className="truncate font-mono text-xs text-muted">{resource.type}</span>
        {resource.hide && <span className="rounded border border-border px-1 text-[11px] text-muted">hidden</span>}
        {resource.daily_cost > 0 && (
          <span className="ml-auto shrink-0 text-xs text-muted">{resource.daily_cost} credits/day</span>
        )}
      </div>
      {metadata.length > 0 && (
        <dl className="mt-1.5 grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-0.5 pl-6 text-xs">
          {metadata.map((item) => (
            <MetadataItem key={item.key} item={item} />
          ))}
        </dl>
      )}
    </li>
  );
}

function MetadataItem({ item }: { item: WorkspaceResourceMetadata }) {
  const [revealed, setRevealed] = useState(false);
  return (
    <>
      <dt className="truncate text-muted">{item.key}</dt>
      <dd className="flex min-w-0 items-center gap-1.5 font-mono text-text">
        <span className="truncate" title={item.sensitive && !revealed ? undefined : item.value}>
          {item.sensitive && !revealed ? (
            <>
              <span aria-hidden>••••••••</span>
              <span className="sr-only">hidden value</span>
            </>
          ) : (
            item.value
          )}
        </span>
        {item.sensitive && (
          <button
            type="button"
            aria-pressed={revealed}
            aria-label={revealed ? `Hide ${item.key}` : `Reveal ${item.key}`}
            onClick={() => setRevealed((v) => !v)}
            className="rounded p-0.5 text-muted hover:bg-raised hover:text-text"
          >
            {revealed ? <EyeOff aria-hidden className="size-3.5" /> : <Eye aria-hidden className="size-3.5" />}
          </button>
        )}
      </dd>
    </>
  );
}
