import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { templatesQuery } from "../../api/queries";
import type { Template } from "../../api/types";
import { cx } from "../../components/cx";
import { ErrorState } from "../../components/ErrorState";
import { FormDialog } from "../../components/FormDialog";
import { SkeletonBlock } from "../../components/Skeleton";
import { TemplateIcon } from "./TemplateIcon";

export interface TemplatePickerDialogProps {
  onClose: () => void;
  /** Goes on to the create page of the chosen template. */
  onChoose: (template: Template) => void;
}

/** "New workspace", step one: pick a template; its create page asks for the name and parameters. */
export default function TemplatePickerDialog({ onClose, onChoose }: TemplatePickerDialogProps) {
  const templates = useQuery(templatesQuery());
  const [templateId, setTemplateId] = useState<string | undefined>(undefined);
  const usable = (templates.data ?? []).filter((t) => !t.deprecated);
  const chosen = usable.find((t) => t.id === templateId) ?? usable[0];

  return (
    <FormDialog
      title="New workspace"
      description="Choose a template. Next you name the workspace and set its parameters."
      onClose={onClose}
      onSubmit={() => chosen && onChoose(chosen)}
      submitLabel="Continue"
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
            <TemplateOption
              key={t.id}
              template={t}
              checked={t.id === chosen?.id}
              onChoose={() => setTemplateId(t.id)}
            />
          ))
        )}
      </fieldset>
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
