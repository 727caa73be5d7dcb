import { useState } from "react";
import type { WorkspaceBuildParameter } from "../../../api/types";
import { ParameterField } from "../../../components/parameters/ParameterField";
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
