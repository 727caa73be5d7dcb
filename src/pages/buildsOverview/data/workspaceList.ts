import { mapLimited } from "../../../api/mapLimited";
import type { Workspace, WorkspacesResponse } from "../../../api/types";
import type { OverviewApi } from "./overviewApi";
import { LIST_IN_FLIGHT, LIST_LIMIT, PAGE_SIZE } from "./overviewConfig";

/**
 * The list's pages after `first` (up to LIST_LIMIT workspaces, a few pages in flight); `onPage`
 * sees each as it arrives. Returns every workspace once, in list order.
 */
export async function listAfter(
  api: Pick<OverviewApi, "workspaces">,
  first: WorkspacesResponse,
  onPage?: (workspaces: Workspace[]) => void,
): Promise<Workspace[]> {
  const offsets: number[] = [];
  for (let offset = PAGE_SIZE; offset < Math.min(first.count, LIST_LIMIT); offset += PAGE_SIZE) offsets.push(offset);
  const pages = await mapLimited(offsets, LIST_IN_FLIGHT, async (offset) => {
    const page = (await api.workspaces(offset, PAGE_SIZE)).workspaces;
    onPage?.(page);
    return page;
  });
  // Workspaces created or deleted between pages shift offsets: keep each id once.
  const seen = new Set<string>();
  return [first.workspaces, ...pages].flat().filter((w) => !seen.has(w.id) && seen.add(w.id));
}
