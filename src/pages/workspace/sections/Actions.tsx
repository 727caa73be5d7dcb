import { useState } from "react";
import {
  ArrowUpCircle,
  Ban,
  Ellipsis,
  Play,
  Power,
  RotateCcw,
  SlidersHorizontal,
  Square,
  Trash2,
  X,
  type LucideIcon,
} from "lucide-react";
import type { Workspace } from "../../../api/types";
import { Button } from "../../../components/Button";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "../../../components/Menu";
import { ACTION_LABELS, type WorkspaceAction } from "../../../lib/workspace/actions";
import type { ActionsModel, ParameterAsk } from "../model";
import { ParametersDialog } from "./ParametersDialog";

const ICONS: Record<WorkspaceAction, LucideIcon> = {
  start: Play,
  stop: Square,
  restart: RotateCcw,
  update: ArrowUpCircle,
  cancel: Ban,
  delete: Trash2,
  buildWithParameters: SlidersHorizontal,
  activate: Power,
};

/** Shown as buttons; the rest live in the "More" menu. */
const INLINE: ReadonlySet<WorkspaceAction> = new Set(["start", "stop", "restart", "update", "cancel", "activate"]);
const PRIMARY: ReadonlySet<WorkspaceAction> = new Set(["start", "update", "activate"]);

export function Actions({ workspace, model }: { workspace: Workspace; model: ActionsModel }) {
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [ask, setAsk] = useState<{ action: WorkspaceAction; ask: ParameterAsk } | null>(null);
  const busy = model.pending !== null;
  const inline = model.available.filter((a) => INLINE.has(a));
  const menu = model.available.filter((a) => !INLINE.has(a));
  const errorId = `action-error-${workspace.id}`;

  const run = async (action: WorkspaceAction) => {
    if (action === "delete") return setDeleteOpen(true);
    const result = await model.run(action);
    if (!result.ok && result.ask) setAsk({ action, ask: result.ask });
  };

  if (model.available.length === 0 && !model.error) return null;
  return (
    <div className="flex flex-col items-start gap-2 lg:items-end">
      <div role="group" aria-label="Workspace actions" className="flex flex-wrap gap-2">
        {inline.map((action) => {
          const Icon = ICONS[action];
          return (
            <Button
              key={action}
              variant={PRIMARY.has(action) ? "primary" : "secondary"}
              loading={model.pending === action}
              disabled={busy}
              aria-describedby={model.error?.action === action ? errorId : undefined}
              onClick={() => void run(action)}
            >
              {model.pending !== action && <Icon aria-hidden className="size-3.5" />}
              {ACTION_LABELS[action]}
            </Button>
          );
        })}
        {menu.length > 0 && (
          <Menu>
            <MenuTrigger asChild>
              <Button
                disabled={busy}
                aria-label="More actions"
                loading={model.pending !== null && menu.includes(model.pending)}
              >
                <Ellipsis aria-hidden className="size-4" />
                <span className="sm:hidden">More</span>
              </Button>
            </MenuTrigger>
            <MenuContent>
              {menu.map((action) => {
                const Icon = ICONS[action];
                return (
                  <MenuItem
                    key={action}
                    variant={action === "delete" ? "danger" : "default"}
                    onSelect={() => void run(action)}
                  >
                    <Icon aria-hidden className="size-3.5" />
                    {ACTION_LABELS[action]}
                  </MenuItem>
                );
              })}
            </MenuContent>
          </Menu>
        )}
      </div>
      {model.error && !deleteOpen && !ask && (
        <p
          id={errorId}
          role="alert"
          className="flex max-w-md items-start gap-2 rounded-md border border-failure/30 bg-failure/5 px-2.5 py-1.5 text-sm text-text"
        >
          <span className="min-w-0 flex-1 break-words">
            <span className="font-medium">{ACTION_LABELS[model.error.action].replace("…", "")} failed:</span>{" "}
            {model.error.message}
          </span>
          <button
            type="button"
            onClick={model.dismissError}
            aria-label="Dismiss error"
            className="rounded p-0.5 text-muted hover:bg-raised hover:text-text"
          >
            <X aria-hidden className="size-3.5" />
          </button>
        </p>
      )}
      <ConfirmDialog
        open={deleteOpen}
        onOpenChange={(open) => {
          setDeleteOpen(open);
          if (!open) model.dismissError();
        }}
        title={`Delete ${workspace.name}?`}
        description="This destroys the workspace's resources, including its home volume. It cannot be undone."
        confirmLabel="Delete workspace"
        variant="danger"
        typeToConfirm={workspace.name}
        loading={model.pending === "delete"}
        onConfirm={async () => {
          const result = await model.run("delete");
          if (result.ok) setDeleteOpen(false);
        }}
      >
        {model.error?.action === "delete" && (
          <p role="alert" className="text-sm text-failure">
            {model.error.message}
          </p>
        )}
      </ConfirmDialog>
      {ask && (
        <ParametersDialog
          ask={ask.ask}
          pending={model.pending === ask.action}
          error={model.error?.action === ask.action ? model.error.message : null}
          onCancel={() => {
            setAsk(null);
            model.dismissError();
          }}
          onSubmit={async (values) => {
            const result = await model.run(ask.action, values);
            if (result.ok) setAsk(null);
          }}
        />
      )}
    </div>
  );
}
