import { isGone } from "../api/client";
import { ErrorState } from "./ErrorState";
import { NotFoundView } from "./NotFoundView";

export interface WorkspaceUnavailableProps {
  owner: string;
  name: string;
  error: unknown;
  onRetry: () => void;
  /** Also say "not found" for a reason the error does not carry (e.g. the workspace was deleted). */
  notFound?: boolean;
  /** The page's content width, so the error sits where the page would have. */
  className: string;
}

/** A workspace's page when the workspace could not be read: not found (or not visible), or an error to retry. */
export function WorkspaceUnavailable({ owner, name, error, onRetry, notFound, className }: WorkspaceUnavailableProps) {
  if (notFound || isGone(error)) {
    return (
      <NotFoundView
        title="Workspace not found"
        description={`There is no workspace @${owner}/${name}, or you don't have access to it.`}
      />
    );
  }
  return (
    <div className={className}>
      <ErrorState error={error} title="The workspace could not be loaded" onRetry={onRetry} />
    </div>
  );
}
