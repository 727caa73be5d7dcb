import { useWorkspaceWatch } from "../../api/watch";

/** Holds one watch stream open; its events land in every cached list through the query cache. */
function RowWatch({ id }: { id: string }) {
  useWorkspaceWatch(id);
  return null;
}

/**
 * One stream per visible transitioning row (the caller caps the list), so a status change shows
 * within a second instead of at the next poll. A row that settles drops out and its stream closes.
 */
export function RowWatchers({ ids }: { ids: readonly string[] }) {
  return (
    <>
      {ids.map((id) => (
        <RowWatch key={id} id={id} />
      ))}
    </>
  );
}
