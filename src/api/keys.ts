// Every React Query key, built here and only here, so invalidation can be exact. Keys are nested
// by prefix: invalidating `workspaceLists()` reaches every page of every list.

export interface PageParams {
  limit: number;
  offset: number;
}

export type BuildPart = "timings" | "parameters" | "resources" | "state";

export const keys = {
  me: () => ["me"] as const,
  buildInfo: () => ["buildinfo"] as const,
  authMethods: () => ["authmethods"] as const,
  oauthStatus: () => ["oauthStatus"] as const,

  /** Everything workspace-shaped: lists, details, by-name lookups. */
  workspaces: () => ["workspaces"] as const,
  workspaceLists: () => ["workspaces", "list"] as const,
  workspaceList: (filter: string, page: PageParams) => ["workspaces", "list", "page", filter, page] as const,
  /** Every workspace matching a filter, fetched page by page for client-side sorting (docs/conventions.md). */
  workspaceListAll: (filter: string) => ["workspaces", "list", "all", filter] as const,
  workspace: (id: string) => ["workspaces", "detail", id] as const,
  /** Both `include_deleted` variants of one owner/name live under this prefix. */
  workspaceByNameAny: (owner: string, name: string) => ["workspaces", "byName", owner, name] as const,
  workspaceByName: (owner: string, name: string, includeDeleted: boolean) =>
    ["workspaces", "byName", owner, name, { includeDeleted }] as const,

  /** All pages of one workspace's build history. */
  buildLists: (workspaceId: string) => ["builds", "list", workspaceId] as const,
  buildList: (workspaceId: string, page: PageParams) => ["builds", "list", workspaceId, page] as const,
  build: (id: string) => ["builds", "detail", id] as const,
  buildPart: (id: string, part: BuildPart) => ["builds", "detail", id, part] as const,
  buildsByNumberOf: (owner: string, name: string) => ["builds", "byNumber", owner, name] as const,
  buildByNumber: (owner: string, name: string, number: number) => ["builds", "byNumber", owner, name, number] as const,

  template: (id: string) => ["templates", "detail", id] as const,
  templateVersion: (id: string) => ["templateVersions", id] as const,
  templateList: () => ["templates", "list"] as const,
  templateVersionRichParameters: (id: string) => ["templateVersions", id, "rich-parameters"] as const,

  /** Timings baseline: recent builds of a template's workspaces, and a baseline over given builds. */
  templateRecentBuilds: (templateName: string) => ["timingsBaseline", "templateBuilds", templateName] as const,
  timingsBaseline: (buildIds: readonly string[]) => ["timingsBaseline", "over", ...buildIds] as const,
  // Create, connect, settings.
  templateByName: (org: string, name: string) => ["templates", "byName", org, name] as const,
  templateVersionPresets: (id: string) => ["templateVersions", id, "presets"] as const,
  workspaceQuota: (orgId: string, user: string) => ["workspaceQuota", orgId, user] as const,
  deploymentSSH: () => ["deployment", "ssh"] as const,
  appHost: () => ["applications", "host"] as const,
};
