import { useId, useState } from "react";
import type { TemplateVersionParameter, WorkspaceBuildParameter } from "../../../api/types";
import { FormDialog } from "../../../components/FormDialog";
import { changedValues, initialValues, validateParameter } from "../../../lib/workspace/parameters";
import type { ParameterAsk } from "../model";

export interface ParametersDialogProps {
  ask: ParameterAsk;
  pending: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (values: WorkspaceBuildParameter[]) => void;
}

/** Asks for rich parameter values before a build ("Update" with new parameters, "Build with parameters"). */
export function ParametersDialog({ ask, pending, error, onCancel, onSubmit }: ParametersDialogProps) {
  const [values, setValues] = useState(() => initialValues(ask.params, ask.current));
  const [touched, setTouched] = useState(false);
  const problems = Object.fromEntries(ask.params.map((p) => [p.name, validateParameter(p, values[p.name] ?? "")]));
  const valid = Object.values(problems).every((p) => p === undefined);

  return (
    <FormDialog
      title={ask.title}
      description={ask.description}
      onClose={onCancel}
      onSubmit={() => {
        setTouched(true);
        if (valid && !pending) onSubmit(changedValues(ask.params, values, ask.current));
      }}
      submitLabel={ask.submitLabel}
      submitting={pending}
      submitDisabled={touched && !valid}
    >
      {ask.params.length === 0 && (
        <p className="text-sm text-muted">This template version has no parameters that can be changed.</p>
      )}
      {ask.params.map((param) => (
        <ParameterField
          key={param.name}
          param={param}
          value={values[param.name] ?? ""}
          problem={touched ? problems[param.name] : undefined}
          onChange={(value) => setValues((v) => ({ ...v, [param.name]: value }))}
        />
      ))}
      {error && (
        <p role="alert" className="rounded-md border border-failure/30 bg-failure/5 px-3 py-2 text-sm text-text">
          {error}
        </p>
      )}
    </FormDialog>
  );
}

function ParameterField({
  param,
  value,
  problem,
  onChange,
}: {
  param: TemplateVersionParameter;
  value: string;
  problem?: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy =
    [param.description_plaintext ? hintId : "", problem ? problemId : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    "aria-describedby": describedBy,
    "aria-invalid": problem ? true : undefined,
    required: param.required,
    className: "h-8 w-full rounded-md border border-border bg-page px-2 text-sm text-text",
  };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-text">
        {param.display_name || param.name}
        {param.required && <span className="text-failure"> *</span>}
        {param.ephemeral && <span className="ml-2 text-xs font-normal text-muted">(this build only)</span>}
      </label>
      {param.description_plaintext && (
        <p id={hintId} className="text-xs text-muted">
          {param.description_plaintext}
        </p>
      )}
      {param.options.length > 0 && param.type !== "list(string)" ? (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          {!param.options.some((o) => o.value === value) && (
            <option value={value}>{value ? `${value} (no longer offered)` : "Choose…"}</option>
          )}
          {param.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.name || o.value}
            </option>
          ))}
        </select>
      ) : param.type === "bool" ? (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          {value !== "true" && value !== "false" && <option value={value}>Choose…</option>}
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      ) : (
        <input
          {...common}
          type={param.type === "number" ? "number" : "text"}
          min={param.validation_min}
          max={param.validation_max}
          value={value}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {problem && (
        <p id={problemId} className="text-xs text-failure">
          {problem}
        </p>
      )}
    </div>
  );
}
