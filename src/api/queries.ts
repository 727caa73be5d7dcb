// Query-options factories: every page reads server state through these, so keys, URLs and
// freshness rules live in one place. Use as `useQuery(workspaceQuery(id))`.
import type { QueryKey, UseQueryOptions } from "@tanstack/react-query";
import { api, isGone, request, type ApiError } from "./client";
import { keepNewerWorkspace } from "./freshness";
import { keys, type PageParams } from "./keys";
import { mapLimited } from "./mapLimited";
import type {
  AuthMethods,
  BuildInfoResponse,
  Template,
  TemplateVersion,
  TemplateVersionParameter,
  User,
  Workspace,
  WorkspaceBuild,
  WorkspaceBuildParameter,
  WorkspaceBuildTimings,
  WorkspaceResource,
  WorkspacesResponse,
} from "./types";
import type { AppHostResponse, Preset, SSHConfigResponse, WorkspaceQuota } from "./types";

type Options<T> = UseQueryOptions<T, ApiError | Error, T, QueryKey>;

const enc = encodeURIComponent;

/** The signed-in user; a 401 here sends the browser to /login like any other call. */
export const meQuery = () =>
  ({
    queryKey: keys.me(),
    queryFn: ({ signal }) => api.get<User>("/users/me", undefined, signal),
    staleTime: 5 * 60_000,
  }) satisfies Options<User>;

/** One page of `GET /workspaces?q=`; `filter` is Coder's search query, passed through as is. */
export const workspacesQuery = (filter: string, page: PageParams) =>
  ({
    queryKey: keys.workspaceList(filter, page),
    queryFn: ({ signal }) =>
      api.get<WorkspacesResponse>("/workspaces", { q: filter, limit: page.limit, offset: page.offset }, signal),
    placeholderData: (previous: WorkspacesResponse | undefined) => previous,
  }) satisfies Options<WorkspacesResponse>;

export interface AllWorkspacesResponse extends WorkspacesResponse {
  /** False when the filter matched more than {@link ALL_WORKSPACES_LIMIT}: only the first page is here. */
  complete: boolean;
}

export const ALL_WORKSPACES_LIMIT = 1_000;
const ALL_PAGE_SIZE = 100;
const ALL_IN_FLIGHT = 4;

/**
 * Every workspace matching `filter`, for sorting and paging in the browser (Coder's API sorts only
 * its own way). Up to 1,000: pages of 100, at most 4 requests in flight. Above that, the first page
 * only, with `complete: false` so the page can say so.
 */
export const allWorkspacesQuery = (filter: string) =>
  ({
    queryKey: keys.workspaceListAll(filter),
    queryFn: async ({ signal }): Promise<AllWorkspacesResponse> => {
      const first = await api.get<WorkspacesResponse>(
        "/workspaces",
        { q: filter, limit: ALL_PAGE_SIZE, offset: 0 },
        signal,
      );
      if (first.count > ALL_WORKSPACES_LIMIT) return { ...first, complete: false };
      const offsets: number[] = [];
      for (let offset = ALL_PAGE_SIZE; offset < first.count; offset += ALL_PAGE_SIZE) offsets.push(offset);
      const pages = await mapLimited(offsets, ALL_IN_FLIGHT, async (offset) => {
        const page = await api.get<WorkspacesResponse>(
          "/workspaces",
          { q: filter, limit: ALL_PAGE_SIZE, offset },
          signal,
        );
        return page.workspaces;
      });
      // Workspaces created or deleted between pages can shift offsets: keep each id once.
      const seen = new Set<string>();
      const workspaces = [first.workspaces, ...pages].flat().filter((w) => !seen.has(w.id) && seen.add(w.id));
      return { workspaces, count: first.count, complete: true };
    },
    placeholderData: (previous: AllWorkspacesResponse | undefined) => previous,
  }) satisfies Options<AllWorkspacesResponse>;

/** `owner` is a username without the `@`. A deleted workspace is 404 unless `includeDeleted`. */
export const workspaceByNameQuery = (
  owner: string,
  name: string,
  { includeDeleted = false }: { includeDeleted?: boolean } = {},
) =>
  ({
    queryKey: keys.workspaceByName(owner, name, includeDeleted),
    queryFn: ({ signal }) =>
      api.get<Workspace>(
        `/users/${enc(owner)}/workspace/${enc(name)}`,
        includeDeleted ? { include_deleted: true } : undefined,
        signal,
      ),
    structuralSharing: keepNewerWorkspace,
  }) satisfies Options<Workspace>;

/** Newest first, as Coder returns them. */
export const buildsQuery = (workspaceId: string, page: PageParams) =>
  ({
    queryKey: keys.buildList(workspaceId, page),
    queryFn: ({ signal }) =>
      api.get<WorkspaceBuild[]>(
        `/workspaces/${enc(workspaceId)}/builds`,
        { limit: page.limit, offset: page.offset },
        signal,
      ),
    placeholderData: (previous: WorkspaceBuild[] | undefined) => previous,
  }) satisfies Options<WorkspaceBuild[]>;

export const buildByNumberQuery = (owner: string, name: string, number: number) =>
  ({
    queryKey: keys.buildByNumber(owner, name, number),
    queryFn: ({ signal }) =>
      api.get<WorkspaceBuild>(`/users/${enc(owner)}/workspace/${enc(name)}/builds/${number}`, undefined, signal),
  }) satisfies Options<WorkspaceBuild>;

export const buildTimingsQuery = (buildId: string) =>
  ({
    queryKey: keys.buildPart(buildId, "timings"),
    queryFn: ({ signal }) =>
      api.get<WorkspaceBuildTimings>(`/workspacebuilds/${enc(buildId)}/timings`, undefined, signal),
  }) satisfies Options<WorkspaceBuildTimings>;

export const buildParametersQuery = (buildId: string) =>
  ({
    queryKey: keys.buildPart(buildId, "parameters"),
    queryFn: ({ signal }) =>
      api.get<WorkspaceBuildParameter[]>(`/workspacebuilds/${enc(buildId)}/parameters`, undefined, signal),
  }) satisfies Options<WorkspaceBuildParameter[]>;

/**
 * A build's resources. New Coder servers removed the endpoint and embed them in the build (docs/conventions.md),
 * so the build is read first and the endpoint is only the fallback for old servers.
 */
export const buildResourcesQuery = (buildId: string) =>
  ({
    queryKey: keys.buildPart(buildId, "resources"),
    queryFn: async ({ signal }) => {
      const build = await api.get<WorkspaceBuild>(`/workspacebuilds/${enc(buildId)}`, undefined, signal);
      if (build.resources?.length) return build.resources;
      try {
        return await api.get<WorkspaceResource[]>(`/workspacebuilds/${enc(buildId)}/resources`, undefined, signal);
      } catch (error) {
        if (isGone(error)) return build.resources ?? [];
        throw error;
      }
    },
  }) satisfies Options<WorkspaceResource[]>;

/** Raw Terraform state as text; 404 for whoever cannot update the template. */
export const buildStateQuery = (buildId: string) =>
  ({
    queryKey: keys.buildPart(buildId, "state"),
    queryFn: ({ signal }) =>
      request<string>(`/workspacebuilds/${enc(buildId)}/state`, { signal, responseType: "text" }),
  }) satisfies Options<string>;

export const templatesQuery = () =>
  ({
    queryKey: keys.templateList(),
    queryFn: ({ signal }) => api.get<Template[]>("/templates", undefined, signal),
    staleTime: 60_000,
  }) satisfies Options<Template[]>;

export const templateVersionRichParametersQuery = (id: string) =>
  ({
    queryKey: keys.templateVersionRichParameters(id),
    queryFn: ({ signal }) =>
      api.get<TemplateVersionParameter[]>(`/templateversions/${enc(id)}/rich-parameters`, undefined, signal),
    staleTime: 5 * 60_000,
  }) satisfies Options<TemplateVersionParameter[]>;
/** The deployment's version: says whether a missing endpoint is an old server or something else. */
export const buildInfoQuery = () =>
  ({
    queryKey: keys.buildInfo(),
    queryFn: ({ signal }) => api.get<BuildInfoResponse>("/buildinfo", undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  }) satisfies Options<BuildInfoResponse>;

// ---- Sign-in page ---------------------------------------------------------------------------------

/** Which sign-in methods the deployment offers (public in Coder). */
export const authMethodsQuery = () =>
  ({
    queryKey: keys.authMethods(),
    queryFn: ({ signal }) => request<AuthMethods>("/users/authmethods", { signal, redirectOn401: false }),
    staleTime: 5 * 60_000,
    retry: 1,
  }) satisfies Options<AuthMethods>;

/** Whether the dashboard server can sign in through the deployment's OAuth2 provider. */
export const oauthStatusQuery = () =>
  ({
    queryKey: keys.oauthStatus(),
    queryFn: ({ signal }) =>
      request<{ available: boolean }>("/auth/oauth/status", { base: "", signal, redirectOn401: false }),
    staleTime: 5 * 60_000,
    retry: 1,
  }) satisfies Options<{ available: boolean }>;

// ---- Create, connect, settings ----------------------------------------------------------------

export const templateQuery = (id: string) =>
  ({
    queryKey: keys.template(id),
    queryFn: ({ signal }) => api.get<Template>(`/templates/${enc(id)}`, undefined, signal),
    staleTime: 60_000,
  }) satisfies Options<Template>;

export const templateVersionQuery = (id: string) =>
  ({
    queryKey: keys.templateVersion(id),
    queryFn: ({ signal }) => api.get<TemplateVersion>(`/templateversions/${enc(id)}`, undefined, signal),
    staleTime: 5 * 60_000,
  }) satisfies Options<TemplateVersion>;

/** A template by name in an organization (`default` is the default organization, as in Coder). */
export const templateByNameQuery = (org: string, name: string) =>
  ({
    queryKey: keys.templateByName(org, name),
    queryFn: ({ signal }) => api.get<Template>(`/organizations/${enc(org)}/templates/${enc(name)}`, undefined, signal),
    staleTime: 60_000,
  }) satisfies Options<Template>;

export const templateVersionPresetsQuery = (id: string) =>
  ({
    queryKey: keys.templateVersionPresets(id),
    queryFn: ({ signal }) => api.get<Preset[] | null>(`/templateversions/${enc(id)}/presets`, undefined, signal),
    staleTime: 5 * 60_000,
  }) satisfies Options<Preset[] | null>;

/** Quota credits used and allowed per day; a budget of 0 means the organization sets none. */
export const workspaceQuotaQuery = (orgId: string, user = "me") =>
  ({
    queryKey: keys.workspaceQuota(orgId, user),
    queryFn: ({ signal }) =>
      api.get<WorkspaceQuota>(`/organizations/${enc(orgId)}/members/${enc(user)}/workspace-quota`, undefined, signal),
  }) satisfies Options<WorkspaceQuota>;

export const deploymentSSHQuery = () =>
  ({
    queryKey: keys.deploymentSSH(),
    queryFn: ({ signal }) => api.get<SSHConfigResponse>("/deployment/ssh", undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  }) satisfies Options<SSHConfigResponse>;

export const appHostQuery = () =>
  ({
    queryKey: keys.appHost(),
    queryFn: ({ signal }) => api.get<AppHostResponse>("/applications/host", undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  }) satisfies Options<AppHostResponse>;
