import { useId, type ReactNode } from "react";
import { CircleCheck } from "lucide-react";
import { Button } from "../../components/Button";
import { ErrorState } from "../../components/ErrorState";

export interface SettingsFormProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  onSubmit: () => void;
  submitLabel?: string;
  saving: boolean;
  saved: boolean;
  error: unknown;
  disabled?: boolean;
}

/** One settings card: a form with its own save button, its error and a "Saved" note. */
export function SettingsForm(props: SettingsFormProps) {
  const titleId = useId();
  return (
    <form
      noValidate
      aria-labelledby={titleId}
      className="flex flex-col gap-4 rounded-md border border-border bg-panel p-4"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <div>
        <h2 id={titleId} className="text-sm font-semibold text-text">
          {props.title}
        </h2>
        {props.description && <p className="mt-0.5 text-xs text-muted">{props.description}</p>}
      </div>
      {props.children}
      {Boolean(props.error) && <ErrorState error={props.error} title={`Couldn't save: ${props.title.toLowerCase()}`} />}
      <div className="flex items-center justify-end gap-3">
        {props.saved && !props.saving && (
          <span role="status" className="inline-flex items-center gap-1 text-sm text-ok">
            <CircleCheck aria-hidden className="size-4" />
            Saved
          </span>
        )}
        <Button type="submit" variant="primary" loading={props.saving} disabled={props.disabled}>
          {props.submitLabel ?? "Save"}
        </Button>
      </div>
    </form>
  );
}
