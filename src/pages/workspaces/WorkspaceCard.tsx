import type { Workspace } from "../../api/types";
import type { RowProgress } from "./model/batch";
import { agentHealth } from "./model/health";
import type { RowActionKind } from "../../lib/workspace/rowActions";
import { AgentHealthCell, BatchProgressNote, LastUsedCell, NameCell, StatusCell, VersionCell } from "./cells";
import { FavoriteButton } from "./FavoriteButton";
import { RowActions } from "./RowActions";

export interface WorkspaceCardProps {
  workspace: Workspace;
  showOwner: boolean;
  progress: RowProgress | undefined;
  pending: boolean;
  onToggleFavorite: (ws: Workspace) => void;
  onAction: (ws: Workspace, action: RowActionKind) => void;
}

/** The phone layout of one row (DataTable renders these under 640 px). */
export function WorkspaceCard({
  workspace,
  showOwner,
  progress,
  pending,
  onToggleFavorite,
  onAction,
}: WorkspaceCardProps) {
  return (
    <div data-testid="workspace-card" className="flex flex-col gap-2">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          <NameCell workspace={workspace} />
        </div>
        <FavoriteButton
          name={workspace.name}
          favorite={workspace.favorite}
          onToggle={() => onToggleFavorite(workspace)}
        />
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
        <StatusCell workspace={workspace} />
        {showOwner && <span>{workspace.owner_name}</span>}
        <span>
          Used <LastUsedCell workspace={workspace} />
        </span>
        <VersionCell workspace={workspace} />
        {agentHealth(workspace) && <AgentHealthCell workspace={workspace} />}
      </div>
      {progress && <BatchProgressNote progress={progress} />}
      <RowActions workspace={workspace} pending={pending} onAction={onAction} />
    </div>
  );
}
