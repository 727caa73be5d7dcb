import { useId, useState } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { X } from "lucide-react";
import { createWorkspaceMutation } from "../../api/mutations";
import { templatesQuery } from "../../api/queries";
import type { Template, Workspace } from "../../api/types";
import { Button } from "../../components/Button";
import { cx } from "../../components/cx";
import { ErrorState } from "../../components/ErrorState";
import { SkeletonBlock } from "../../components/Skeleton";
import { WORKSPACE_NAME_MAX, workspaceNameError } from "../../lib/workspaceList/name";
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
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 flex max-h-[calc(100vh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg border border-border bg-panel shadow-xl">
          <form
            className="flex min-h-0 flex-col"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <div className="flex items-start justify-between gap-2 border-b border-border p-4">
              <div>
                <Dialog.Title className="text-base font-semibold text-text">New workspace</Dialog.Title>
                <Dialog.Description className="mt-0.5 text-sm text-muted">Choose a template and a name.</Dialog.Description>
              </div>
              <Dialog.Close className="rounded p-1 text-muted hover:bg-raised hover:text-text" aria-label="Close">
                <X aria-hidden className="size-4" />
              </Dialog.Close>
            </div>

            <div className="flex min-h-0 flex-col gap-4 overflow-y-auto p-4">
              <fieldset className="flex flex-col gap-1.5">
                <legend className="mb-1.5 text-sm font-medium text-text">Template</legend>
                {templates.isPending ? (
                  <SkeletonBlock label="Loading templates" lines={3} />
                ) : templates.error ? (
                  <ErrorState error={templates.error} title="Couldn't load templates" onRetry={() => void templates.refetch()} retrying={templates.isFetching} />
                ) : usable.length === 0 ? (
                  <p className="text-sm text-muted">No templates are available to you.</p>
                ) : (
                  usable.map((t) => <TemplateOption key={t.id} template={t} checked={t.id === chosen} onChoose={() => setTemplateId(t.id)} />)
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
                  className={cx("h-8 rounded-md border bg-page px-2 font-mono text-sm text-text", showNameError ? "border-failure" : "border-border")}
                />
                <p id={nameErrorId} className={cx("text-xs", showNameError ? "text-failure" : "text-muted")}>
                  {showNameError ? nameError : `Letters, digits and single dashes; at most ${WORKSPACE_NAME_MAX} characters.`}
                </p>
              </div>

              {create.error && <ErrorState error={create.error} title="Couldn't create the workspace" />}
            </div>

            <div className="flex justify-end gap-2 border-t border-border p-4">
              <Button onClick={onClose}>Cancel</Button>
              <Button type="submit" variant="primary" loading={create.isPending} disabled={!chosen}>
                Create workspace
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function TemplateOption({ template, checked, onChoose }: { template: Template; checked: boolean; onChoose: () => void }) {
  return (
    <label
      className={cx(
        "flex cursor-pointer items-center gap-3 rounded-md border px-3 py-2 text-sm",
        checked ? "border-accent bg-accent/5" : "border-border hover:bg-raised",
      )}
    >
      <input type="radio" name="template" value={template.id} checked={checked} onChange={onChoose} className="accent-accent" />
      <TemplateIcon src={template.icon} />
      <span className="min-w-0 flex-1">
        <span className="block font-medium text-text">{template.display_name || template.name}</span>
        {template.description && <span className="block truncate text-xs text-muted">{template.description}</span>}
      </span>
    </label>
  );
}
