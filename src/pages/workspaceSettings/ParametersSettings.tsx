import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { isApiError } from "../../api/client";
import { startWorkspaceMutation } from "../../api/mutations";
import { buildParametersQuery, templateVersionRichParametersQuery } from "../../api/queries";
import type { TemplateVersionParameter, Workspace, WorkspaceBuildParameter } from "../../api/types";
import { workspacePath } from "../../app/params";
import { ErrorState } from "../../components/ErrorState";
import { ParameterField } from "../../components/parameters/ParameterField";
import { SkeletonBlock } from "../../components/Skeleton";
import { mapValidations } from "../../lib/create/prefill";
import { changedValues, initialValues, validateAll } from "../../lib/workspace/parameters";
import { SettingsForm } from "./SettingsForm";

/** The current build's parameter values; changing them starts a new build with the new values. */
export function ParametersSettings({ workspace }: { workspace: Workspace }) {
  const build = workspace.latest_build;
  const params = useQuery(templateVersionRichParametersQuery(build.template_version_id));
  const current = useQuery(buildParametersQuery(build.id));
  // Held here, above the form: the new build remounts the form (its key), and a mutation's
  // per-call callbacks are dropped with the component that made the call.
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const start = useMutation(startWorkspaceMutation(queryClient));
  const save = (richParameterValues: WorkspaceBuildParameter[]) =>
    start.mutate(
      { workspace, richParameterValues },
      { onSuccess: () => navigate(workspacePath(workspace.owner_name, workspace.name)) },
    );
  if (params.error || current.error) {
    return (
      <ErrorState
        error={params.error ?? current.error}
        title="Couldn't load the parameters"
        onRetry={() => void Promise.all([params.refetch(), current.refetch()])}
      />
    );
  }
  if (!params.data || !current.data) return <SkeletonBlock label="Loading parameters" lines={5} />;
  return (
    <ParametersForm
      key={build.id}
      workspace={workspace}
      params={params.data}
      current={current.data}
      save={save}
      saving={start.isPending}
      error={start.error}
    />
  );
}

function ParametersForm({
  workspace,
  params,
  current,
  save,
  saving,
  error,
}: {
  workspace: Workspace;
  params: TemplateVersionParameter[];
  current: WorkspaceBuildParameter[];
  save: (changes: WorkspaceBuildParameter[]) => void;
  saving: boolean;
  error: Error | null;
}) {
  const [values, setValues] = useState(() => initialValues(params, current));
  const [touched, setTouched] = useState(false);
  const previous = Object.fromEntries(current.map((p) => [p.name, p.value]));
  const problems = validateAll(params, values, previous);
  const server = isApiError(error) ? mapValidations(params, error.validations).params : {};
  const changes = changedValues(params, values, current);
  const busy = ["pending", "starting", "stopping", "canceling", "deleting"].includes(workspace.latest_build.status);

  return (
    <SettingsForm
      title="Parameters"
      description={
        busy
          ? "A build is in progress; wait for it to finish to change parameters."
          : "Saving starts a new build of the workspace with these values."
      }
      onSubmit={() => {
        setTouched(true);
        if (Object.keys(problems).length > 0 || changes.length === 0) return;
        save(changes);
      }}
      submitLabel="Save and rebuild"
      saving={saving}
      saved={false}
      error={Object.keys(server).length > 0 ? null : error}
      disabled={busy || changes.length === 0}
    >
      {params.length === 0 && <p className="text-sm text-muted">This template version has no parameters.</p>}
      {params.map((p) => (
        <ParameterField
          key={p.name}
          param={p}
          value={values[p.name] ?? ""}
          disabled={!p.mutable}
          problem={server[p.name] ?? (touched ? problems[p.name] : undefined)}
          onChange={(v) => setValues((all) => ({ ...all, [p.name]: v }))}
        />
      ))}
    </SettingsForm>
  );
}
