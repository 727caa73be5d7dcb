import { useId, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { isApiError } from "../../api/client";
import { renameWorkspaceMutation, updateAutomaticUpdatesMutation } from "../../api/mutations";
import type { AutomaticUpdates, Workspace } from "../../api/types";
import { settingsPath } from "../../app/params";
import { cx } from "../../components/cx";
import { WORKSPACE_NAME_MAX, workspaceNameError } from "../../lib/workspace/name";
import { SettingsForm } from "./SettingsForm";

/** Rename (the page follows the new name) and automatic updates. */
export function GeneralSettings({ workspace }: { workspace: Workspace }) {
  return (
    <div className="flex flex-col gap-4">
      <RenameForm workspace={workspace} />
      <AutoUpdatesForm workspace={workspace} />
    </div>
  );
}

function RenameForm({ workspace }: { workspace: Workspace }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const rename = useMutation(renameWorkspaceMutation(queryClient));
  const [name, setName] = useState(workspace.name);
  const [touched, setTouched] = useState(false);
  const id = useId();
  const local = workspaceNameError(name);
  const server = isApiError(rename.error)
    ? rename.error.validations.find((v) => v.field === "name")?.detail
    : undefined;
  const problem = (touched ? local : null) ?? server;
  const blocked = !workspace.allow_renames;
  const warn = !problem && name !== workspace.name;
  return (
    <SettingsForm
      title="Name"
      description={
        blocked
          ? "This deployment does not allow renaming workspaces."
          : "Renaming changes the workspace's URL and its SSH host name."
      }
      onSubmit={() => {
        setTouched(true);
        if (local !== null || name === workspace.name) return;
        rename.mutate(
          { workspace, name },
          { onSuccess: () => navigate(settingsPath(workspace.owner_name, name), { replace: true }) },
        );
      }}
      submitLabel="Rename"
      saving={rename.isPending}
      saved={false}
      error={server ? null : rename.error}
      disabled={blocked || name === workspace.name}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-text">
          Workspace name
        </label>
        <input
          id={id}
          value={name}
          disabled={blocked}
          onChange={(e) => {
            setName(e.target.value);
            rename.reset();
          }}
          onBlur={() => setTouched(true)}
          maxLength={WORKSPACE_NAME_MAX + 8}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={warn ? `${id}-hint ${id}-warning` : `${id}-hint`}
          className={cx(
            "h-8 max-w-sm rounded-md border bg-page px-2 font-mono text-sm text-text",
            problem ? "border-failure" : "border-border",
          )}
        />
        <p id={`${id}-hint`} className={cx("text-xs", problem ? "text-failure" : "text-muted")}>
          {problem ?? `Letters, digits and single dashes; at most ${WORKSPACE_NAME_MAX} characters.`}
        </p>
        {warn && (
          // Templates often name volumes and containers after the workspace (Coder warns the same way).
          <p id={`${id}-warning`} data-testid="rename-warning" className="text-xs text-attention">
            Depending on the template, renaming may recreate resources named after the workspace, and lose their data.
          </p>
        )}
      </div>
    </SettingsForm>
  );
}

function AutoUpdatesForm({ workspace }: { workspace: Workspace }) {
  const queryClient = useQueryClient();
  const update = useMutation(updateAutomaticUpdatesMutation(queryClient));
  const [value, setValue] = useState<AutomaticUpdates>(workspace.automatic_updates);
  const id = useId();
  // The template's rule wins over the workspace's own setting, so the choice is not offered.
  const forced = workspace.template_require_active_version;
  return (
    <SettingsForm
      title="Automatic updates"
      description={
        workspace.template_require_active_version
          ? "The template requires its active version: every start updates the workspace."
          : "Update to the template's active version whenever the workspace starts."
      }
      onSubmit={() => update.mutate({ workspace, value })}
      saving={update.isPending}
      saved={update.isSuccess}
      error={update.error}
      disabled={forced || (value === workspace.automatic_updates && !update.isSuccess)}
    >
      <label className="inline-flex items-center gap-2 text-sm text-text" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={forced || value === "always"}
          disabled={forced}
          onChange={(e) => {
            setValue(e.target.checked ? "always" : "never");
            update.reset();
          }}
          className="size-4 accent-accent"
        />
        Update automatically on start
      </label>
    </SettingsForm>
  );
}
