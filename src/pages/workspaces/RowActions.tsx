import { Link } from "react-router";
import { Ellipsis, FileText, Play, RefreshCw, RotateCcw, Square, Trash2, type LucideIcon } from "lucide-react";
import type { Workspace } from "../../api/types";
import { Button, buttonClasses } from "../../components/Button";
import { Menu, MenuContent, MenuItem, MenuSeparator, MenuTrigger } from "../../components/Menu";
import { menuActions, primaryAction, ROW_ACTION_LABELS, type RowActionKind } from "../../lib/workspace/rowActions";
import { buildHref } from "./links";

const ICONS: Record<RowActionKind, LucideIcon> = {
  start: Play,
  stop: Square,
  update: RefreshCw,
  retry: RotateCcw,
  restart: RotateCcw,
  delete: Trash2,
  cancel: Square,
};

export interface RowActionsProps {
  workspace: Workspace;
  /** A request for this row is in flight: its buttons wait. */
  pending: boolean;
  onAction: (workspace: Workspace, action: RowActionKind) => void;
}

/** The row's one-click action and a menu with the rest (Delete asks first, in the page). */
export function RowActions({ workspace, pending, onAction }: RowActionsProps) {
  const primary = primaryAction(workspace);
  const more = menuActions(workspace);
  const PrimaryIcon = primary ? ICONS[primary] : undefined;
  return (
    <div className="flex items-center justify-end gap-1">
      {primary && PrimaryIcon && (
        <Button
          size="sm"
          loading={pending}
          onClick={() => onAction(workspace, primary)}
          aria-label={`${ROW_ACTION_LABELS[primary]} ${workspace.name}`}
        >
          {!pending && <PrimaryIcon aria-hidden className="size-3.5" />}
          {ROW_ACTION_LABELS[primary]}
        </Button>
      )}
      <Menu>
        <MenuTrigger
          className={buttonClasses({ variant: "ghost", size: "sm", className: "w-7 px-0" })}
          aria-label={`More actions for ${workspace.name}`}
        >
          <Ellipsis aria-hidden className="size-4" />
        </MenuTrigger>
        <MenuContent>
          {more.map((action) => {
            const Icon = ICONS[action];
            return (
              <MenuItem
                key={action}
                disabled={pending}
                variant={action === "delete" ? "danger" : "default"}
                onSelect={() => onAction(workspace, action)}
              >
                <Icon aria-hidden className="size-3.5" />
                {ROW_ACTION_LABELS[action]}
              </MenuItem>
            );
          })}
          {more.length > 0 && <MenuSeparator />}
          <MenuItem asChild>
            <Link to={buildHref(workspace, workspace.latest_build.build_number)}>
              <FileText aria-hidden className="size-3.5" />
              Open build logs
            </Link>
          </MenuItem>
        </MenuContent>
      </Menu>
    </div>
  );
}
