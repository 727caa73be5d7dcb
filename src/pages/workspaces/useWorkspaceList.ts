// The rows the list shows, from the URL state: server pages when no sort is chosen; every match
// (≤ 1,000) sorted and paged here when one is; above 1,000, the server's page sorted on its own
// (docs/conventions.md). Polls by the live rule, and keeps the last good rows when a filter is refused.
import { useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import { isApiError } from "../../api/client";
import { ALL_WORKSPACES_LIMIT, allWorkspacesQuery, workspacesQuery } from "../../api/queries";
import type { Workspace } from "../../api/types";
import { termsForValidation } from "../../lib/searchQuery";
import { slicePage } from "./model/paging";
import { pollInterval } from "./model/polling";
import { sortWorkspaces, type WorkspaceSort } from "./model/sort";
import { viewKey } from "./model/selection";
import { apiPage } from "./model/urlState";
import type { FilterProblem } from "./SearchBar";
import { formatCount } from "../../lib/format";

export interface ListSnapshot {
  rows: Workspace[];
  total: number;
  sortNote?: string;
  /** The page/filter/sort these rows answer; undefined while an earlier view's rows stand in for a loading one. */
  view: string | undefined;
}

export interface WorkspaceListResult {
  /** Undefined until the first answer (or while the first answer failed). */
  list: ListSnapshot | undefined;
  filterProblems: FilterProblem[];
  error: unknown;
  refetch: () => void;
  isRefetching: boolean;
}

/** A 400 on the list is the server refusing the query: name the terms it points at. */
function problemsOf(error: unknown, filter: string): FilterProblem[] {
  if (!isApiError(error) || error.status !== 400) return [];
  if (error.validations.length === 0) return [{ field: "q", detail: error.detail ?? error.message, terms: [] }];
  return error.validations.map((v) => ({
    field: v.field,
    detail: v.detail,
    terms: termsForValidation(filter, v.field, v.detail),
  }));
}

export function useWorkspaceList(
  filter: string,
  page: number,
  sort: WorkspaceSort | undefined,
  hidden: boolean,
): WorkspaceListResult {
  // The poll rule looks at the rows on screen, which are known only after the queries answer.
  const visible = useRef<readonly Workspace[]>([]);
  const refetchInterval = () => pollInterval(visible.current, hidden);

  const all = useQuery({ ...allWorkspacesQuery(filter), enabled: sort !== undefined, refetchInterval });
  const tooMany = sort !== undefined && all.data?.complete === false && !all.isPlaceholderData;
  const paged = useQuery({
    ...workspacesQuery(filter, apiPage(page)),
    enabled: sort === undefined || tooMany,
    refetchInterval,
  });

  const view = viewKey({ filter, page, sort });
  let list: ListSnapshot | undefined;
  if (sort !== undefined && all.data?.complete && !tooMany) {
    const sorted = sortWorkspaces(all.data.workspaces, sort);
    list = { rows: slicePage(sorted, page), total: sorted.length, view: all.isPlaceholderData ? undefined : view };
  } else if (paged.data && (sort === undefined || tooMany)) {
    list = {
      rows: sortWorkspaces(paged.data.workspaces, sort),
      total: paged.data.count,
      view: paged.isPlaceholderData ? undefined : view,
    };
    if (tooMany) {
      list.sortNote = `${formatCount(paged.data.count)} workspaces match, more than the ${formatCount(ALL_WORKSPACES_LIMIT)} that can be sorted together: only this page is sorted. Narrow the filter to sort them all.`;
    }
  }

  const active = sort !== undefined && !tooMany ? all : paged;
  const error = active.error ?? (sort !== undefined ? all.error : null);

  // The last rows that answered a filter stay on screen when a newer filter is refused (issue 6).
  // Remembered in a ref during render: it is derived from query data, never a source of truth.
  const lastGood = useRef<ListSnapshot | undefined>(undefined);
  if (list && !error) lastGood.current = list;
  const shown = list ?? lastGood.current;
  visible.current = shown?.rows ?? [];

  const filterProblems = problemsOf(error, filter);
  return {
    list: shown,
    filterProblems,
    error: filterProblems.length > 0 ? undefined : (error ?? undefined),
    refetch: () => void active.refetch(),
    isRefetching: active.isFetching,
  };
}
