import { useEffect, useMemo, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { isApiError } from "../../api/client";
import { createWorkspaceMutation } from "../../api/mutations";
import {
  templateByNameQuery,
  templateVersionPresetsQuery,
  templateVersionQuery,
  templateVersionRichParametersQuery,
  workspaceQuotaQuery,
} from "../../api/queries";
import { workspacePath } from "../../app/params";
import { ErrorState } from "../../components/ErrorState";
import { SkeletonBlock } from "../../components/Skeleton";
import {
  canAutoCreate,
  initialCreateValues,
  mapValidations,
  parseCreateSearch,
  suggestName,
  unknownPrefill,
  valuesToSend,
  type MappedProblems,
} from "../../lib/create/prefill";
import { validateAll } from "../../lib/workspace/parameters";
import { workspaceNameError } from "../../lib/workspace/name";
import { NotFoundView } from "../../components/NotFoundView";
import { CreateWorkspaceView } from "./CreateWorkspaceView";

/** `/templates/:template/workspace`: Coder's create page and its link contract (`name`, `param.X`, `mode=auto`, `version`). */
export default function CreateWorkspacePage() {
  const { template: templateName = "" } = useParams();
  const [search] = useSearchParams();
  const prefill = useMemo(() => parseCreateSearch(search), [search]);
  const template = useQuery(templateByNameQuery("default", templateName));
  const versionId = prefill.version ?? template.data?.active_version_id;
  const version = useQuery({ ...templateVersionQuery(versionId ?? ""), enabled: Boolean(versionId) });
  const params = useQuery({ ...templateVersionRichParametersQuery(versionId ?? ""), enabled: Boolean(versionId) });
  const presets = useQuery({ ...templateVersionPresetsQuery(versionId ?? ""), enabled: Boolean(versionId) });
  const quota = useQuery({
    ...workspaceQuotaQuery(template.data?.organization_id ?? ""),
    enabled: Boolean(template.data),
    retry: false,
  });

  useEffect(() => {
    const previous = document.title;
    document.title = `New workspace · ${templateName} · Coder`;
    return () => {
      document.title = previous;
    };
  }, [templateName]);

  const error = template.error ?? version.error ?? params.error;
  if (isApiError(error) && (error.status === 404 || error.status === 400)) {
    return (
      <NotFoundView
        title={template.error ? "Template not found" : "Template version not found"}
        description={
          template.error
            ? `There is no template "${templateName}", or you don't have access to it.`
            : "The link names a template version that does not exist."
        }
      />
    );
  }
  if (error) {
    return (
      <div className="mx-auto max-w-3xl p-4 sm:p-6">
        <ErrorState
          error={error}
          title="Couldn't load the template"
          onRetry={() => void Promise.all([template.refetch(), params.refetch()])}
        />
      </div>
    );
  }
  if (!template.data || !params.data || !version.data || presets.isPending) {
    return (
      <div className="mx-auto max-w-3xl p-4 sm:p-6">
        <SkeletonBlock label="Loading the template" lines={8} />
      </div>
    );
  }
  return (
    <CreateForm
      key={versionId}
      template={template.data}
      version={version.data}
      params={params.data}
      presets={presets.data ?? []}
      quota={quota.data}
      prefill={prefill}
    />
  );
}

type FormProps = Pick<
  Parameters<typeof CreateWorkspaceView>[0],
  "template" | "version" | "params" | "presets" | "quota"
> & { prefill: ReturnType<typeof parseCreateSearch> };

function CreateForm({ template, version, params, presets, quota, prefill }: FormProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation(createWorkspaceMutation(queryClient));
  const defaultPreset = presets.find((p) => p.Default);
  const [name, setName] = useState(() => prefill.name || (prefill.mode === "auto" ? suggestName(template.name) : ""));
  const [values, setValues] = useState(() => initialCreateValues(params, prefill.params, defaultPreset));
  const [presetId, setPresetId] = useState<string | undefined>(defaultPreset?.ID);
  const [touched, setTouched] = useState(false);
  const [server, setServer] = useState<MappedProblems>({ params: {}, other: [] });
  const nameError = workspaceNameError(name);
  const problems = validateAll(params, values);
  const autoReady = prefill.mode === "auto" && canAutoCreate(params, values, name, nameError);
  // Coder asks before a link creates a workspace on its own: the values come from someone else.
  const [consent, setConsent] = useState(autoReady);

  const submit = () => {
    setTouched(true);
    if (nameError !== null || Object.keys(problems).length > 0 || create.isPending) return;
    setServer({ params: {}, other: [] });
    create.mutate(
      {
        owner: "me",
        request: {
          template_version_id: version.id,
          name,
          rich_parameter_values: valuesToSend(params, values),
          template_version_preset_id: presetId,
        },
      },
      {
        onSuccess: (ws) => navigate(workspacePath(ws.owner_name, ws.name)),
        onError: (e) => {
          if (isApiError(e) && e.validations.length > 0) setServer(mapValidations(params, e.validations));
        },
      },
    );
  };

  return (
    <CreateWorkspaceView
      template={template}
      version={version}
      params={params}
      presets={presets}
      quota={quota}
      name={name}
      onName={(v) => {
        setName(v);
        setServer((s) => ({ ...s, name: undefined }));
      }}
      nameProblem={server.name ?? (touched ? (nameError ?? undefined) : undefined)}
      values={values}
      onValue={(paramName, v) => {
        setValues((all) => ({ ...all, [paramName]: v }));
        setServer((s) => ({ ...s, params: { ...s.params, [paramName]: "" } }));
        setPresetId(undefined);
      }}
      problems={Object.fromEntries(
        params.map((p) => [p.name, server.params[p.name] || (touched ? problems[p.name] : undefined)]),
      )}
      presetId={presetId}
      onPreset={(id) => {
        const preset = presets.find((p) => p.ID === id);
        setPresetId(preset?.ID);
        if (preset) setValues((all) => ({ ...all, ...initialCreateValues(params, {}, preset) }));
      }}
      unknown={unknownPrefill(params, prefill.params)}
      fromLink={Object.keys(prefill.params)}
      autoRefused={prefill.mode === "auto" && !autoReady}
      consent={consent}
      onConsent={(ok) => {
        setConsent(false);
        if (ok) submit();
      }}
      onSubmit={submit}
      submitting={create.isPending}
      error={create.error && !(isApiError(create.error) && create.error.validations.length > 0) ? create.error : null}
      otherProblems={server.other}
    />
  );
}
