import { useEffect } from "react";
import { ArrowLeft } from "lucide-react";
import { Link, NavLink, useParams } from "react-router";
import { useWorkspaceByName } from "../../api/useWorkspaceByName";
import { settingsPath, useWorkspaceParams, workspacePath, type SettingsSection } from "../../app/params";
import { cx } from "../../components/cx";
import { SkeletonBlock } from "../../components/Skeleton";
import { NotFoundView } from "../../components/NotFoundView";
import { WorkspaceUnavailable } from "../../components/WorkspaceUnavailable";
import { GeneralSettings } from "./GeneralSettings";
import { ParametersSettings } from "./ParametersSettings";
import { ScheduleSettings } from "./ScheduleSettings";

const SECTIONS: Array<{ id: SettingsSection; label: string }> = [
  { id: "general", label: "General" },
  { id: "schedule", label: "Schedule" },
  { id: "parameters", label: "Parameters" },
];

/** `/@owner/workspace/settings[/schedule|/parameters]`: rename, automatic updates, schedule, parameters. */
export default function WorkspaceSettingsPage() {
  const { owner, workspace: name } = useWorkspaceParams();
  const raw = useParams().section;
  const section = SECTIONS.find((s) => s.id === (raw ?? "general"));
  const result = useWorkspaceByName(owner, name);
  const workspace = result.workspace;

  useEffect(() => {
    const previous = document.title;
    document.title = `Settings · ${name} · Coder`;
    return () => {
      document.title = previous;
    };
  }, [name]);

  if (!section) return <NotFoundView title="Page not found" description="Workspace settings have no such section." />;
  if (result.isPending) {
    return (
      <div className="mx-auto max-w-4xl p-4 sm:p-6">
        <SkeletonBlock label="Loading settings" lines={6} />
      </div>
    );
  }
  if (!workspace || result.deleted) {
    return (
      <WorkspaceUnavailable
        owner={owner}
        name={name}
        error={result.error}
        onRetry={result.refetch}
        notFound={result.deleted}
        className="mx-auto max-w-4xl p-4 sm:p-6"
      />
    );
  }

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4 p-4 sm:p-6">
      <header className="flex flex-col gap-1">
        <Link
          to={workspacePath(owner, name)}
          className="inline-flex w-fit items-center gap-1 text-sm text-accent hover:underline"
        >
          <ArrowLeft aria-hidden className="size-4" />
          {owner}/{name}
        </Link>
        <h1 className="text-xl font-semibold text-text">Workspace settings</h1>
      </header>
      <div className="flex flex-col gap-4 sm:flex-row">
        <nav aria-label="Settings sections" className="sm:w-44 sm:shrink-0">
          <ul className="flex gap-1 overflow-x-auto sm:flex-col">
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <NavLink
                  to={settingsPath(owner, name, s.id)}
                  end
                  className={({ isActive }) =>
                    cx(
                      "block rounded-md px-3 py-1.5 text-sm whitespace-nowrap",
                      isActive ? "bg-accent/10 font-medium text-text" : "text-muted hover:bg-raised hover:text-text",
                    )
                  }
                >
                  {s.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <section className="min-w-0 flex-1" aria-label={`${section.label} settings`}>
          {section.id === "general" && <GeneralSettings workspace={workspace} />}
          {section.id === "schedule" && <ScheduleSettings workspace={workspace} />}
          {section.id === "parameters" && <ParametersSettings workspace={workspace} />}
        </section>
      </div>
    </div>
  );
}
