import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { SlidersHorizontal } from "lucide-react";
import { buildByNumberQuery, buildParametersQuery, templateVersionRichParametersQuery } from "../../../api/queries";
import type { WorkspaceBuild } from "../../../api/types";
import { cx } from "../../../components/cx";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorState } from "../../../components/ErrorState";
import { SkeletonTable } from "../../../components/Skeleton";
import { changedCount, diffParameters, type ParameterRow } from "../../../lib/builds/parameterDiff";

/** An empty string is a value too (e.g. no dotfiles); say so instead of showing nothing. */
function Value({ value }: { value: string | undefined }) {
  if (value === undefined) return <span className="text-muted">(not set)</span>;
  if (value === "") return <span className="text-muted">(empty)</span>;
  return <span className="break-all">{value}</span>;
}

const CHANGE_TEXT: Record<ParameterRow["change"], string> = {
  unchanged: "",
  unknown: "",
  changed: "Changed",
  added: "New",
  removed: "Removed",
};

export interface ParametersTableProps {
  rows: ParameterRow[];
  /** Display names by parameter name (from the template version), when known. */
  displayNames: Record<string, string>;
  /** The build compared with; undefined for the first build. */
  previousNumber: number | undefined;
  /** The previous build's values could not be loaded: nothing is highlighted. */
  previousMissing?: boolean;
}

export function ParametersTable({ rows, displayNames, previousNumber, previousMissing = false }: ParametersTableProps) {
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={SlidersHorizontal}
        title="No parameters"
        description="This build's template version has no parameters."
      />
    );
  }
  const changed = changedCount(rows);
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-muted" role="status">
        {previousNumber === undefined
          ? "The first build: nothing to compare with."
          : previousMissing
            ? `Build #${previousNumber}'s values could not be loaded, so changes are not marked.`
            : changed === 0
              ? `Same values as build #${previousNumber}.`
              : `${changed} ${changed === 1 ? "value differs" : "values differ"} from build #${previousNumber}.`}
      </p>
      <div className="overflow-x-auto rounded-md border border-border bg-panel">
        <table aria-label="Parameters" className="w-full border-collapse text-sm">
          <thead className="bg-raised/60 text-xs text-muted">
            <tr className="h-9 border-b border-border text-left">
              <th scope="col" className="px-3 font-medium">
                Name
              </th>
              <th scope="col" className="px-3 font-medium">
                Value
              </th>
              <th scope="col" className="px-3 font-medium">
                {previousNumber === undefined ? "Previous" : `Build #${previousNumber}`}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const differs = row.change === "changed" || row.change === "added" || row.change === "removed";
              return (
                <tr
                  key={row.name}
                  data-change={row.change}
                  className={cx("border-b border-border align-baseline last:border-b-0", differs && "bg-attention/10")}
                >
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <span className="font-medium text-text">{displayNames[row.name] || row.name}</span>
                    {displayNames[row.name] && displayNames[row.name] !== row.name && (
                      <span className="ml-2 font-mono text-xs text-muted">{row.name}</span>
                    )}
                  </th>
                  <td className="px-3 py-2">
                    <span className="font-mono text-xs">
                      <Value value={row.value} />
                    </span>
                    {differs && (
                      <span className="ml-2 rounded bg-attention/15 px-1.5 py-0.5 text-xs font-medium text-attention">
                        {CHANGE_TEXT[row.change]}
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs text-muted">
                    {row.change === "unknown" ? "—" : <Value value={row.previous} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** This build's parameter values next to the previous build's (by number, whatever its transition). */
export function ParametersTab({
  build,
  owner,
  workspaceName,
}: {
  build: WorkspaceBuild;
  owner: string;
  workspaceName: string;
}) {
  const previousNumber = build.build_number > 1 ? build.build_number - 1 : undefined;
  const current = useQuery(buildParametersQuery(build.id));
  const previous = useQuery({
    ...buildByNumberQuery(owner, workspaceName, previousNumber ?? 0),
    enabled: previousNumber !== undefined,
  });
  const before = useQuery({ ...buildParametersQuery(previous.data?.id ?? ""), enabled: previous.data !== undefined });
  const versionParams = useQuery(templateVersionRichParametersQuery(build.template_version_id));
  const rows = useMemo(
    () => (current.data ? diffParameters(current.data, before.data) : []),
    [current.data, before.data],
  );
  const displayNames = useMemo(
    () => Object.fromEntries((versionParams.data ?? []).map((p) => [p.name, p.display_name ?? ""])),
    [versionParams.data],
  );

  // Without the previous build's values the table would claim "nothing changed": wait for them, unless they failed.
  const waitingForPrevious =
    previousNumber !== undefined && !previous.isError && !before.isError && before.data === undefined;
  if (current.isPending || waitingForPrevious) return <SkeletonTable label="Loading parameters" columns={3} rows={4} />;
  if (current.isError)
    return (
      <ErrorState error={current.error} title="Could not load parameters" onRetry={() => void current.refetch()} />
    );
  return (
    <ParametersTable
      rows={rows}
      displayNames={displayNames}
      previousNumber={previousNumber}
      previousMissing={previousNumber !== undefined && !before.data}
    />
  );
}
