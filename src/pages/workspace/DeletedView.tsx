import { History, Trash2 } from "lucide-react";
import { Link } from "react-router";
import type { Workspace } from "../../api/types";
import { buildHistoryPath } from "../../app/params";
import { buttonClasses } from "../../components/Button";
import { RelativeTime } from "../../components/RelativeTime";

/** A deleted workspace (found only with `include_deleted=true`, or deleted while open): what happened, and where its history is. */
export function DeletedView({ workspace }: { workspace: Workspace }) {
  const build = workspace.latest_build;
  return (
    <div
      className="mx-auto flex max-w-lg flex-col items-center gap-3 px-4 py-20 text-center"
      data-testid="workspace-deleted"
    >
      <Trash2 aria-hidden className="size-8 text-muted" />
      <h1 className="text-lg font-semibold text-text">
        {workspace.owner_name}/{workspace.name} was deleted
      </h1>
      <p className="text-sm text-muted">
        Deleted <RelativeTime date={build.job.completed_at ?? build.created_at} /> by {build.initiator_name}. It was
        built from the {workspace.template_display_name || workspace.template_name} template. Its resources are gone;
        its build history remains.
      </p>
      <div className="mt-2 flex flex-wrap justify-center gap-2">
        <Link
          to={buildHistoryPath(workspace.owner_name, workspace.name)}
          className={buttonClasses({ variant: "secondary" })}
        >
          <History aria-hidden className="size-3.5" />
          Build history
        </Link>
        <Link to="/workspaces" className={buttonClasses({ variant: "ghost" })}>
          Go to workspaces
        </Link>
      </div>
    </div>
  );
}
