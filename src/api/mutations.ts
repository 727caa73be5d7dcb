// Writes. Plain functions (usable anywhere) plus mutation-options factories for React Query that
// update the cache from the answer and invalidate exactly what the write changed. Never retried:
// a write that failed with a 500 may still have happened (see src/api/retryPolicy.ts).
import type { QueryClient, UseMutationOptions } from "@tanstack/react-query";
import { api, request, type ApiError } from "./client";
import { invalidateWorkspace, patchWorkspaceInCache, setBuildInCache, setWorkspaceInCache } from "./cache";
import { isTerminalJob } from "./jobStatus";
import { keys } from "./keys";
import type {
  AutomaticUpdates,
  CreateWorkspaceBuildRequest,
  CreateWorkspaceRequest,
  GenerateAPIKeyResponse,
  LoginWithPasswordRequest,
  Workspace,
  WorkspaceBuild,
  WorkspaceBuildParameter,
} from "./types";

const enc = encodeURIComponent;

/** What a workspace mutation needs to find every cache entry of the workspace. */
export type WorkspaceRef = Pick<Workspace, "id" | "owner_name" | "name">;

// ---- Plain functions ------------------------------------------------------------------------

/** `POST /workspaces/{id}/builds` → 201 with the new build; 409 while another build is active. */
export function createBuild(workspaceId: string, body: CreateWorkspaceBuildRequest): Promise<WorkspaceBuild> {
  return api.post<WorkspaceBuild>(`/workspaces/${enc(workspaceId)}/builds`, body);
}

export interface StartOptions {
  templateVersionId?: string;
  richParameterValues?: WorkspaceBuildParameter[];
  logLevel?: "debug";
}

export function startWorkspace(workspaceId: string, options: StartOptions = {}): Promise<WorkspaceBuild> {
  return createBuild(workspaceId, {
    transition: "start",
    template_version_id: options.templateVersionId,
    rich_parameter_values: options.richParameterValues,
    log_level: options.logLevel,
  });
}

export function stopWorkspace(workspaceId: string): Promise<WorkspaceBuild> {
  return createBuild(workspaceId, { transition: "stop" });
}

/** `orphan` deletes the workspace without destroying its resources (admins, for broken templates). */
export function deleteWorkspace(workspaceId: string, options: { orphan?: boolean } = {}): Promise<WorkspaceBuild> {
  return createBuild(workspaceId, { transition: "delete", orphan: options.orphan || undefined });
}

/** Starts the workspace on its template's active version. */
export function updateToActive(
  workspace: Pick<Workspace, "id" | "template_active_version_id">,
  richParameterValues?: WorkspaceBuildParameter[],
): Promise<WorkspaceBuild> {
  return startWorkspace(workspace.id, { templateVersionId: workspace.template_active_version_id, richParameterValues });
}

/**
 * Stop, wait for the stop job to finish, then start (Coder has no restart transition). If the stop
 * does not succeed, the start is not attempted and the stop build is returned as the error's cause.
 */
export async function restartWorkspace(
  workspaceId: string,
  options: StartOptions & { pollMs?: number; signal?: AbortSignal } = {},
): Promise<WorkspaceBuild> {
  let build = await stopWorkspace(workspaceId);
  const pollMs = options.pollMs ?? 500;
  while (!isTerminalJob(build.job.status)) {
    await sleep(pollMs, options.signal);
    build = await api.get<WorkspaceBuild>(`/workspacebuilds/${enc(build.id)}`, undefined, options.signal);
  }
  if (build.job.status !== "succeeded") {
    throw new Error(`The stop build ${build.job.status}, so the workspace was not started again.`, { cause: build });
  }
  return startWorkspace(workspaceId, options);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** `expectStatus` makes the server refuse (412) if the job has moved on meanwhile. */
export function cancelBuild(buildId: string, expectStatus?: "running" | "pending"): Promise<void> {
  return api.patch<void>(`/workspacebuilds/${enc(buildId)}/cancel`, undefined, { expect_status: expectStatus });
}

/** Cancels a template version's import job (template admins). */
export function cancelTemplateVersion(templateVersionId: string): Promise<void> {
  return api.patch<void>(`/templateversions/${enc(templateVersionId)}/cancel`);
}

/** Creates a workspace for `owner` (a username, or `me`). */
export function createWorkspace(owner: string, body: CreateWorkspaceRequest): Promise<Workspace> {
  return api.post<Workspace>(`/users/${enc(owner)}/workspaces`, body);
}

export function renameWorkspace(workspaceId: string, name: string): Promise<void> {
  return api.patch<void>(`/workspaces/${enc(workspaceId)}`, { name });
}

export function favoriteWorkspace(workspaceId: string): Promise<void> {
  return api.put<void>(`/workspaces/${enc(workspaceId)}/favorite`);
}

export function unfavoriteWorkspace(workspaceId: string): Promise<void> {
  return api.delete<void>(`/workspaces/${enc(workspaceId)}/favorite`);
}

/** Moves the running build's deadline (autostop) to `deadline`. */
export function extendWorkspace(workspaceId: string, deadline: string): Promise<void> {
  return api.put<void>(`/workspaces/${enc(workspaceId)}/extend`, { deadline });
}

/** Cron schedule (e.g. `CRON_TZ=UTC 30 9 * * 1-5`), or undefined to turn autostart off. */
export function updateAutostart(workspaceId: string, schedule: string | undefined): Promise<void> {
  return api.put<void>(`/workspaces/${enc(workspaceId)}/autostart`, { schedule });
}

export function updateTTL(workspaceId: string, ttlMs: number | null): Promise<void> {
  return api.put<void>(`/workspaces/${enc(workspaceId)}/ttl`, { ttl_ms: ttlMs });
}

export function setDormant(workspaceId: string, dormant: boolean): Promise<Workspace> {
  return api.put<Workspace>(`/workspaces/${enc(workspaceId)}/dormant`, { dormant });
}

export function updateAutomaticUpdates(workspaceId: string, value: AutomaticUpdates): Promise<void> {
  return api.put<void>(`/workspaces/${enc(workspaceId)}/autoupdates`, { automatic_updates: value });
}

/** A fresh API key for the signed-in user (VS Code Desktop hands it to the Coder extension). */
export async function createApiKey(): Promise<string> {
  return (await api.post<GenerateAPIKeyResponse>("/users/me/keys")).key;
}

/** Password sign-in. A wrong password is a 401 that must stay on the form, not bounce to /login. */
export async function login(body: LoginWithPasswordRequest): Promise<void> {
  await request<unknown>("/users/login", { method: "POST", body, redirectOn401: false });
}

/** Sign in with a pasted session token: the dashboard server checks it and sets the HttpOnly cookie. */
export async function loginWithToken(token: string): Promise<void> {
  await request<unknown>("/auth/token", { method: "POST", body: { token }, base: "", redirectOn401: false });
}

export async function logout(): Promise<void> {
  await request<unknown>("/users/logout", { method: "POST", redirectOn401: false });
}

// ---- Mutation options -----------------------------------------------------------------------

type Options<TData, TVars> = UseMutationOptions<TData, ApiError | Error, TVars>;

/** After any new build: show it at once (status comes from the server's answer), then refetch around it. */
async function afterBuild(queryClient: QueryClient, workspace: WorkspaceRef, build: WorkspaceBuild): Promise<void> {
  const current = queryClient.getQueryData<Workspace>(keys.workspace(workspace.id));
  if (current) setWorkspaceInCache(queryClient, { ...current, latest_build: build });
  else setBuildInCache(queryClient, build, workspace);
  await invalidateWorkspace(queryClient, workspace);
}

export const startWorkspaceMutation = (queryClient: QueryClient) =>
  ({
    mutationKey: ["startWorkspace"],
    mutationFn: ({ workspace, ...options }: { workspace: WorkspaceRef } & StartOptions) =>
      startWorkspace(workspace.id, options),
    retry: false,
    onSuccess: (build, { workspace }) => afterBuild(queryClient, workspace, build),
  }) satisfies Options<WorkspaceBuild, { workspace: WorkspaceRef } & StartOptions>;

export const stopWorkspaceMutation = (queryClient: QueryClient) =>
  ({
    mutationKey: ["stopWorkspace"],
    mutationFn: ({ workspace }: { workspace: WorkspaceRef }) => stopWorkspace(workspace.id),
    retry: false,
    onSuccess: (build, { workspace }) => afterBuild(queryClient, workspace, build),
  }) satisfies Options<WorkspaceBuild, { workspace: WorkspaceRef }>;

export const restartWorkspaceMutation = (queryClient: QueryClient) =>
  ({
    mutationKey: ["restartWorkspace"],
    mutationFn: ({ workspace, ...options }: { workspace: WorkspaceRef } & StartOptions) =>
      restartWorkspace(workspace.id, options),
    retry: false,
    onSuccess: (build, { workspace }) => afterBuild(queryClient, workspace, build),
    // The stop build exists even when the start never happened.
    onError: (_error, { workspace }) => invalidateWorkspace(queryClient, workspace),
  }) satisfies Options<WorkspaceBuild, { workspace: WorkspaceRef } & StartOptions>;

export const updateToActiveMutation = (queryClient: QueryClient) =>
  ({
    mutationKey: ["updateWorkspace"],
    mutationFn: ({
      workspace,
      richParameterValues,
    }: {
      workspace: WorkspaceRef & Pick<Workspace, "template_active_version_id">;
      richParameterValues?: WorkspaceBuildParameter[];
    }) => updateToActive(workspace, richParameterValues),
    retry: false,
    onSuccess: (build, { workspace }) => afterBuild(queryClient, workspace, build),
  }) satisfies Options<
    WorkspaceBuild,
    {
      workspace: WorkspaceRef & Pick<Workspace, "template_active_version_id">;
      richParameterValues?: WorkspaceBuildParameter[];
    }
  >;

export const deleteWorkspaceMutation = (queryClient: QueryClient) =>
  ({
    mutationKey: ["deleteWorkspace"],
    mutationFn: ({ workspace, orphan }: { workspace: WorkspaceRef; orphan?: boolean }) =>
      deleteWorkspace(workspace.id, { orphan }),
    retry: false,
    onSuccess: (build, { workspace }) => afterBuild(queryClient, workspace, build),
  }) satisfies Options<WorkspaceBuild, { workspace: WorkspaceRef; orphan?: boolean }>;

export const createBuildMutation = (queryClient: QueryClient) =>
  ({
    mutationKey: ["createBuild"],
    mutationFn: ({ workspace, request: body }: { workspace: WorkspaceRef; request: CreateWorkspaceBuildRequest }) =>
      createBuild(workspace.id, body),
    retry: false,
    onSuccess: (build, { workspace }) => afterBuild(queryClient, workspace, build),
  }) satisfies Options<WorkspaceBuild, { workspace: WorkspaceRef; request: CreateWorkspaceBuildRequest }>;

export const cancelBuildMutation = (queryClient: QueryClient) =>
  ({
    mutationKey: ["cancelBuild"],
    mutationFn: ({
      build,
      expectStatus,
    }: {
      build: Pick<WorkspaceBuild, "id">;
      workspace: WorkspaceRef;
      expectStatus?: "running" | "pending";
    }) => cancelBuild(build.id, expectStatus),
    retry: false,
    onSettled: async (_data, _error, { build, workspace }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.build(build.id) }),
        invalidateWorkspace(queryClient, workspace),
      ]);
    },
  }) satisfies Options<
    void,
    { build: Pick<WorkspaceBuild, "id">; workspace: WorkspaceRef; expectStatus?: "running" | "pending" }
  >;

export const createWorkspaceMutation = (queryClient: QueryClient) =>
  ({
    mutationKey: ["createWorkspace"],
    mutationFn: ({ owner, request: body }: { owner: string; request: CreateWorkspaceRequest }) =>
      createWorkspace(owner, body),
    retry: false,
    onSuccess: async (workspace) => {
      queryClient.setQueryData(keys.workspace(workspace.id), workspace);
      await queryClient.invalidateQueries({ queryKey: keys.workspaceLists() });
    },
  }) satisfies Options<Workspace, { owner: string; request: CreateWorkspaceRequest }>;

/** Optimistic: the server's answer to a favourite toggle is certain (docs/design.md), so show it at once and undo on error. */
function favoriteToggle(queryClient: QueryClient, favorite: boolean) {
  return {
    mutationKey: [favorite ? "favoriteWorkspace" : "unfavoriteWorkspace"],
    mutationFn: ({ workspace }: { workspace: WorkspaceRef }) =>
      favorite ? favoriteWorkspace(workspace.id) : unfavoriteWorkspace(workspace.id),
    retry: false,
    onMutate: async ({ workspace }: { workspace: WorkspaceRef }) => {
      await queryClient.cancelQueries({ queryKey: keys.workspaces() });
      return { undo: patchWorkspaceInCache(queryClient, workspace, (w) => ({ ...w, favorite })) };
    },
    onError: (_error: unknown, _vars: { workspace: WorkspaceRef }, context: { undo: () => void } | undefined) =>
      context?.undo(),
    // Favourites sort first in Coder's list order, so lists need the server's view.
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.workspaceLists() }),
  } satisfies UseMutationOptions<void, ApiError | Error, { workspace: WorkspaceRef }, { undo: () => void }>;
}

export const favoriteWorkspaceMutation = (queryClient: QueryClient) => favoriteToggle(queryClient, true);
export const unfavoriteWorkspaceMutation = (queryClient: QueryClient) => favoriteToggle(queryClient, false);

/** For writes that change workspace settings: refetch the workspace wherever it is shown. */
function settingsMutation<TVars extends { workspace: WorkspaceRef }>(
  queryClient: QueryClient,
  name: string,
  fn: (vars: TVars) => Promise<unknown>,
) {
  return {
    mutationKey: [name],
    mutationFn: async (vars: TVars) => {
      await fn(vars);
    },
    retry: false,
    onSuccess: (_data: void, vars: TVars) => invalidateWorkspace(queryClient, vars.workspace),
  } satisfies Options<void, TVars>;
}

export const extendWorkspaceMutation = (queryClient: QueryClient) =>
  settingsMutation(queryClient, "extendWorkspace", (v: { workspace: WorkspaceRef; deadline: string }) =>
    extendWorkspace(v.workspace.id, v.deadline),
  );

/**
 * Rename: the workspace's caches move to the new name before anyone navigates there, so the page
 * at the new URL renders at once (no 404 flash). The old name's entries are only marked stale: a
 * page still showing them unmounts when it follows the rename, and a later visit refetches (404).
 */
export const renameWorkspaceMutation = (queryClient: QueryClient) =>
  ({
    mutationKey: ["renameWorkspace"],
    mutationFn: ({ workspace, name }: { workspace: WorkspaceRef; name: string }) => renameWorkspace(workspace.id, name),
    retry: false,
    onSuccess: (_data, { workspace, name }) => {
      const current =
        queryClient.getQueryData<Workspace>(keys.workspace(workspace.id)) ??
        queryClient.getQueryData<Workspace>(keys.workspaceByName(workspace.owner_name, workspace.name, false));
      if (current) {
        const renamed = { ...current, name };
        queryClient.setQueryData(keys.workspaceByName(workspace.owner_name, name, false), renamed);
        setWorkspaceInCache(queryClient, renamed);
      }
      void queryClient.invalidateQueries({
        queryKey: keys.workspaceByNameAny(workspace.owner_name, workspace.name),
        refetchType: "none",
      });
      void queryClient.invalidateQueries({ queryKey: keys.workspaceLists() });
      void queryClient.invalidateQueries({ queryKey: keys.buildsByNumberOf(workspace.owner_name, workspace.name) });
    },
  }) satisfies Options<void, { workspace: WorkspaceRef; name: string }>;

export const updateAutostartMutation = (queryClient: QueryClient) =>
  settingsMutation(queryClient, "updateAutostart", (v: { workspace: WorkspaceRef; schedule: string | undefined }) =>
    updateAutostart(v.workspace.id, v.schedule),
  );

export const updateTTLMutation = (queryClient: QueryClient) =>
  settingsMutation(queryClient, "updateTTL", (v: { workspace: WorkspaceRef; ttlMs: number | null }) =>
    updateTTL(v.workspace.id, v.ttlMs),
  );

export const setDormantMutation = (queryClient: QueryClient) =>
  settingsMutation(queryClient, "setDormant", (v: { workspace: WorkspaceRef; dormant: boolean }) =>
    setDormant(v.workspace.id, v.dormant),
  );

export const updateAutomaticUpdatesMutation = (queryClient: QueryClient) =>
  settingsMutation(queryClient, "updateAutomaticUpdates", (v: { workspace: WorkspaceRef; value: AutomaticUpdates }) =>
    updateAutomaticUpdates(v.workspace.id, v.value),
  );

/** Signing in or out changes who "me" is: drop every cached answer from the previous identity. */
export const loginMutation = (queryClient: QueryClient) =>
  ({
    mutationKey: ["login"],
    mutationFn: (vars: { kind: "password"; email: string; password: string } | { kind: "token"; token: string }) =>
      vars.kind === "password" ? login({ email: vars.email, password: vars.password }) : loginWithToken(vars.token),
    retry: false,
    onSuccess: () => queryClient.clear(),
  }) satisfies Options<void, { kind: "password"; email: string; password: string } | { kind: "token"; token: string }>;

export const logoutMutation = (queryClient: QueryClient) =>
  ({
    mutationKey: ["logout"],
    mutationFn: () => logout(),
    retry: false,
    onSettled: () => queryClient.clear(),
  }) satisfies Options<void, void>;
