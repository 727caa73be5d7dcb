import type { Workspace } from "../../api/types";
import type { DataTableColumn } from "../../components/DataTable";
import type { RowProgress } from "./model/batch";
import type { RowActionKind } from "../../lib/workspace/rowActions";
import { DEFAULT_DIRECTION } from "./model/sort";
import {
  AgentHealthCell,
  BatchProgressNote,
  LastBuildCell,
  LastUsedCell,
  NameCell,
  OwnerCell,
  StatusCell,
  VersionCell,
} from "./cells";
import { FavoriteButton } from "./FavoriteButton";
import { RowActions } from "./RowActions";

export interface ColumnOptions {
  showOwner: boolean;
  progress: ReadonlyMap<string, RowProgress>;
  pendingIds: ReadonlySet<string>;
  onToggleFavorite: (ws: Workspace) => void;
  onAction: (ws: Workspace, action: RowActionKind) => void;
}

/**
 * Sorting happens in the page (favourites first, across all matches), so `sortValue` here only
 * marks a header as sortable; the column ids are the URL's sort keys.
 */
export function workspaceColumns({
  showOwner,
  progress,
  pendingIds,
  onToggleFavorite,
  onAction,
}: ColumnOptions): DataTableColumn<Workspace>[] {
  const columns: Array<DataTableColumn<Workspace> | false> = [
    {
      id: "favorite",
      header: <span className="sr-only">Favourite</span>,
      cell: (ws) => <FavoriteButton name={ws.name} favorite={ws.favorite} onToggle={() => onToggleFavorite(ws)} />,
      className: "w-9 px-1!",
    },
    {
      id: "name",
      header: "Name",
      cell: (ws) => <NameCell workspace={ws} />,
      sortValue: (ws) => ws.name,
      initialDirection: DEFAULT_DIRECTION.name,
      className: "min-w-44 max-w-72",
    },
    showOwner && {
      id: "owner",
      header: "Owner",
      cell: (ws) => <OwnerCell workspace={ws} />,
      className: "max-w-36",
    },
    {
      id: "status",
      header: "Status",
      cell: (ws) => {
        const p = progress.get(ws.id);
        return (
          <div className="flex flex-col items-start gap-0.5">
            <StatusCell workspace={ws} />
            {p && <BatchProgressNote progress={p} />}
          </div>
        );
      },
      sortValue: (ws) => ws.latest_build.status,
      initialDirection: DEFAULT_DIRECTION.status,
    },
    {
      id: "last_build",
      header: "Last build",
      cell: (ws) => <LastBuildCell workspace={ws} />,
      sortValue: (ws) => ws.latest_build.created_at,
      initialDirection: DEFAULT_DIRECTION.last_build,
      className: "hidden lg:table-cell",
    },
    {
      id: "version",
      header: "Version",
      cell: (ws) => <VersionCell workspace={ws} />,
      className: "hidden xl:table-cell",
    },
    {
      id: "last_used",
      header: "Last used",
      cell: (ws) => <LastUsedCell workspace={ws} />,
      sortValue: (ws) => ws.last_used_at,
      initialDirection: DEFAULT_DIRECTION.last_used,
      className: "hidden md:table-cell whitespace-nowrap",
    },
    {
      id: "agent",
      header: "Agent",
      cell: (ws) => <AgentHealthCell workspace={ws} />,
      className: "hidden lg:table-cell",
    },
    {
      id: "actions",
      header: <span className="sr-only">Actions</span>,
      cell: (ws) => <RowActions workspace={ws} pending={pendingIds.has(ws.id)} onAction={onAction} />,
      align: "right",
    },
  ];
  return columns.filter((c): c is DataTableColumn<Workspace> => c !== false);
}
