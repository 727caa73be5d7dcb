import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createWorkspaceMutation } from "../../api/mutations";
import { templatesQuery } from "../../api/queries";
import type { Template, Workspace } from "../../api/types";
import { cx } from "../../components/cx";
import { ErrorState } from "../../components/ErrorState";
import { FormDialog } from "../../components/FormDialog";
import { SkeletonBlock } from "../../components/Skeleton";
import { WORKSPACE_NAME_MAX, workspaceNameError } from "../../lib/workspace/name";
import { TemplateIcon } from "./TemplateIcon";

export interface CreateWorkspaceDialogProps {
  onClose: () => void;
  onCreated: (workspace: Workspace) => void;
}

/** Pick a template, name the workspace, create it; the page then opens it while its first build runs. */
export default function CreateWorkspaceDialog({ onClose, onCreated }: CreateWorkspaceDialogProps) {
  const queryClient = useQueryClient();
  const templates = useQuery(templatesQuery());
  const create = useMutation(createWorkspaceMutation(queryClient));
  const [templateId, setTemplateId] = useState<string | undefined>(undefined);
  const [name, setName] = useState("");
  const [touched, setTouched] = useState(false);
  const nameId = useId();
  const nameErrorId = useId();

  const usable = (templates.data ?? []).filter((t) => !t.deprecated);
  const chosen = templateId ?? usable[0]?.id;
  const nameError = workspaceNameError(name);
  const showNameError = touched && nameError !== null;

  const submit = () => {
    setTouched(true);
    if (nameError !== null || !chosen) return;
    create.mutate({ owner: "me", request: { template_id: chosen, name } }, { onSuccess: (ws) => onCreated(ws) });
  };

  return (
    <FormDialog
      title="New workspace"
      description="Choose a template and a name."
      onClose={onClose}
      onSubmit={submit}
      submitLabel="Create workspace"
      submitting={create.isPending}
      submitDisabled={!chosen}
    >
      {/* min-w-0: a fieldset is at least as wide as its content, which would push long descriptions out of the dialog. */}
      <fieldset className="flex min-w-0 flex-col gap-1.5">
        <legend className="mb-1.5 text-sm font-medium text-text">Template</legend>
        {templates.isPending ? (
          <SkeletonBlock label="Loading templates" lines={3} />
        ) : templates.error ? (
          <ErrorState
            error={templates.error}
            title="Couldn't load templates"
            onRetry={() => void templates.refetch()}
            retrying={templates.isFetching}
          />
        ) : usable.length === 0 ? (
          <p className="text-sm text-muted">No templates are available to you.</p>
        ) : (
          usable.map((t) => (
            <TemplateOption key={t.id} template={t} checked={t.id === chosen} onChoose={() => setTemplateId(t.id)} />
          ))
        )}
      </fieldset>

      <div className="flex flex-col gap-1.5">
        <label htmlFor={nameId} className="text-sm font-medium text-text">
          Name
        </label>
        <input
          id={nameId}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => setTouched(true)}
          maxLength={WORKSPACE_NAME_MAX + 8}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={showNameError || undefined}
          aria-describedby={nameErrorId}
          className={cx(
            "h-8 rounded-md border bg-page px-2 font-mono text-sm text-text",
            showNameError ? "border-failure" : "border-border",
          )}
        />
        <p id={nameErrorId} className={cx("text-xs", showNameError ? "text-failure" : "text-muted")}>
          {showNameError ? nameError : `Letters, digits and single dashes; at most ${WORKSPACE_NAME_MAX} characters.`}
        </p>
      </div>

      {create.error && <ErrorState error={create.error} title="Couldn't create the workspace" />}
    </FormDialog>
  );
}

function TemplateOption({
  template,
  checked,
  onChoose,
}: {
  template: Template;
  checked: boolean;
  onChoose: () => void;
}) {
  return (
    <label
      className={cx(
        "flex cursor-pointer items-center gap-3 rounded-md border px-3 py-2 text-sm",
        checked ? "border-accent bg-accent/5" : "border-border hover:bg-raised",
      )}
    >
      <input
        type="radio"
        name="template"
        value={template.id}
        checked={checked}
        onChange={onChoose}
        className="accent-accent"
      />
      <TemplateIcon src={template.icon} />
      <span className="min-w-0 flex-1">
        <span className="block font-medium text-text">{template.display_name || template.name}</span>
        {template.description && <span className="block truncate text-xs text-muted">{template.description}</span>}
      </span>
    </label>
  );
}
