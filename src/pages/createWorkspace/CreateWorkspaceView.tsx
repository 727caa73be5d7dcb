import { useId } from "react";
import { TriangleAlert } from "lucide-react";
import { Link } from "react-router";
import type { Preset, Template, TemplateVersion, TemplateVersionParameter, WorkspaceQuota } from "../../api/types";
import { Button, buttonClasses } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { cx } from "../../components/cx";
import { ErrorState } from "../../components/ErrorState";
import { ParameterField } from "../../components/parameters/ParameterField";
import { QuotaUsage } from "../../components/QuotaUsage";
import { WORKSPACE_NAME_MAX } from "../../lib/workspace/name";

export interface CreateWorkspaceViewProps {
  template: Template;
  version: TemplateVersion;
  params: TemplateVersionParameter[];
  presets: Preset[];
  quota: WorkspaceQuota | undefined;
  name: string;
  onName: (name: string) => void;
  nameProblem?: string;
  values: Record<string, string>;
  onValue: (name: string, value: string) => void;
  problems: Record<string, string | undefined>;
  presetId: string | undefined;
  onPreset: (id: string | undefined) => void;
  /** `param.X` names in the link that the version does not have. */
  unknown: string[];
  /** Parameters whose value came from the link (`param.X`): what the consent dialog lists. */
  fromLink: string[];
  /** The link said `mode=auto` but left something to fill in. */
  autoRefused: boolean;
  consent: boolean;
  onConsent: (ok: boolean) => void;
  onSubmit: () => void;
  submitting: boolean;
  error: unknown;
  otherProblems: string[];
}

/** The create form: name, preset, every rich parameter, quota, and what a link filled in. */
export function CreateWorkspaceView(props: CreateWorkspaceViewProps) {
  const { template, version, params } = props;
  const nameId = useId();
  const presetId = useId();
  const nameHintId = useId();
  const invalid = Object.values(props.problems).some(Boolean) || Boolean(props.nameProblem);
  const linkValues = params.filter((p) => props.fromLink.includes(p.name));
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-5 p-4 sm:p-6">
      <header className="flex items-start gap-3">
        {template.icon && <img src={template.icon} alt="" className="mt-1 size-8 rounded" />}
        <div className="min-w-0">
          <h1 className="text-xl font-semibold text-text">New workspace</h1>
          <p className="text-sm text-muted">
            From <span className="font-medium text-text">{template.display_name || template.name}</span>, version{" "}
            <span className="font-mono">{version.name}</span>
            {version.id !== template.active_version_id && " (not the active version)"}
          </p>
        </div>
      </header>

      {props.quota && props.quota.budget > 0 && <QuotaUsage quota={props.quota} />}

      {props.autoRefused && (
        <p
          role="status"
          className="flex gap-2 rounded-md border border-attention/40 bg-attention/5 p-3 text-sm text-text"
        >
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-attention" />
          This link asked to create the workspace at once, but some values are missing or not accepted. Fill them in
          below.
        </p>
      )}
      {props.unknown.length > 0 && (
        <p role="status" className="rounded-md border border-border bg-panel p-3 text-sm text-text">
          The link sets {props.unknown.length === 1 ? "a parameter" : "parameters"} this template does not have:{" "}
          <span className="font-mono">{props.unknown.join(", ")}</span>.{" "}
          {props.unknown.length === 1 ? "It was" : "They were"} ignored.
        </p>
      )}

      <form
        noValidate
        aria-label="New workspace"
        className="flex flex-col gap-5"
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <section
          aria-labelledby={`${nameId}-section`}
          className="flex flex-col gap-3 rounded-md border border-border bg-panel p-4"
        >
          <h2 id={`${nameId}-section`} className="text-sm font-semibold text-text">
            General
          </h2>
          <div className="flex flex-col gap-1">
            <label htmlFor={nameId} className="text-sm font-medium text-text">
              Name<span className="text-failure"> *</span>
            </label>
            <input
              id={nameId}
              value={props.name}
              onChange={(e) => props.onName(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              maxLength={WORKSPACE_NAME_MAX + 8}
              aria-invalid={props.nameProblem ? true : undefined}
              aria-describedby={nameHintId}
              className={cx(
                "h-8 rounded-md border bg-page px-2 font-mono text-sm text-text",
                props.nameProblem ? "border-failure" : "border-border",
              )}
            />
            <p
              id={nameHintId}
              role={props.nameProblem ? "alert" : undefined}
              className={cx("text-xs", props.nameProblem ? "text-failure" : "text-muted")}
            >
              {props.nameProblem ?? `Letters, digits and single dashes; at most ${WORKSPACE_NAME_MAX} characters.`}
            </p>
          </div>
          {props.presets.length > 0 && (
            <div className="flex flex-col gap-1">
              <label htmlFor={presetId} className="text-sm font-medium text-text">
                Preset
              </label>
              <select
                id={presetId}
                value={props.presetId ?? ""}
                onChange={(e) => props.onPreset(e.target.value || undefined)}
                className="h-8 rounded-md border border-border bg-page px-2 text-sm text-text"
              >
                <option value="">None (choose each value)</option>
                {props.presets.map((p) => (
                  <option key={p.ID} value={p.ID}>
                    {p.Name}
                  </option>
                ))}
              </select>
              <p className="text-xs text-muted">
                {props.presets.find((p) => p.ID === props.presetId)?.Description ||
                  "A preset fills in values the template's authors chose together."}
              </p>
            </div>
          )}
        </section>

        {params.length > 0 && (
          <section
            aria-labelledby={`${nameId}-params`}
            className="flex flex-col gap-4 rounded-md border border-border bg-panel p-4"
          >
            <div>
              <h2 id={`${nameId}-params`} className="text-sm font-semibold text-text">
                Parameters
              </h2>
              <p className="text-xs text-muted">
                Fields marked <span className="text-failure">*</span> are required; the rest start from the template's
                defaults.
              </p>
            </div>
            {params.map((p) => (
              <ParameterField
                key={p.name}
                param={p}
                value={props.values[p.name] ?? ""}
                problem={props.problems[p.name]}
                onChange={(v) => props.onValue(p.name, v)}
              />
            ))}
          </section>
        )}

        {props.otherProblems.length > 0 && (
          <ul role="alert" className="rounded-md border border-failure/40 bg-failure/5 p-3 text-sm text-text">
            {props.otherProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        {Boolean(props.error) && <ErrorState error={props.error} title="Couldn't create the workspace" />}

        <div className="flex flex-wrap items-center justify-end gap-2">
          {invalid && (
            <p className="mr-auto text-sm text-failure">Some values need fixing before the workspace can be created.</p>
          )}
          <Link to="/workspaces" className={buttonClasses({ variant: "secondary" })}>
            Cancel
          </Link>
          <Button type="submit" variant="primary" loading={props.submitting}>
            Create workspace
          </Button>
        </div>
      </form>

      <ConfirmDialog
        open={props.consent}
        onOpenChange={(open) => !open && props.onConsent(false)}
        title="Create this workspace automatically?"
        description="A link is asking to create a workspace with the values below. Only continue if you trust where the link came from: the template may run scripts with them."
        confirmLabel="Confirm and create"
        onConfirm={() => props.onConsent(true)}
      >
        <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-all rounded-md bg-raised p-2 font-mono text-xs text-text">
          {[`name: ${props.name}`, ...linkValues.map((p) => `${p.name}: ${props.values[p.name]}`)].join("\n")}
        </pre>
      </ConfirmDialog>
    </div>
  );
}
