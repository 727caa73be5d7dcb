import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { buildParametersQuery, templateVersionRichParametersQuery } from "../../../api/queries";
import type { Workspace } from "../../../api/types";
import { settingsPath } from "../../../app/params";
import { parseListValue } from "../../../lib/workspace/parameters";

/** The values the current build runs with, by display name; a link to change them. */
export function ParameterValues({ workspace }: { workspace: Workspace }) {
  const build = workspace.latest_build;
  const values = useQuery(buildParametersQuery(build.id));
  const params = useQuery(templateVersionRichParametersQuery(build.template_version_id));
  if (!values.data || values.data.length === 0) return null;
  const label = (name: string) => params.data?.find((p) => p.name === name)?.display_name || name;
  return (
    <section aria-labelledby="parameters-title" className="rounded-md border border-border bg-panel">
      <div className="flex items-center justify-between border-b border-border px-4 py-2">
        <h2 id="parameters-title" className="text-sm font-semibold text-text">
          Parameters
        </h2>
        <Link
          to={settingsPath(workspace.owner_name, workspace.name, "parameters")}
          className="text-xs text-accent hover:underline"
        >
          Change<span className="sr-only"> parameters</span>
        </Link>
      </div>
      <dl data-testid="parameter-values" className="flex flex-col gap-2 px-4 py-3 text-sm">
        {values.data.map((p) => (
          <div key={p.name} className="min-w-0">
            <dt className="text-xs text-muted">{label(p.name)}</dt>
            <dd className="break-words font-mono text-xs text-text">
              {p.value === "" ? "—" : (parseListValue(p.value)?.join(", ") ?? p.value)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
