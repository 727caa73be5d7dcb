// Route parameters of `/@:owner/:workspace/...` (docs/conventions.md: React Router cannot match `/@:owner`,
// so the route is `/:owner/...` and only an owner written with `@` is accepted).
import { useParams } from "react-router";

/** `@alice` → `alice`; anything without the `@` (or just `@`) is not a workspace URL. */
export function parseOwnerSegment(segment: string | undefined): string | undefined {
  if (!segment || !segment.startsWith("@") || segment.length < 2) return undefined;
  return segment.slice(1);
}

/** A build number in a URL: a positive integer written plainly (`42`, not `042` or `4e1`). */
export function parseBuildNumber(segment: string | undefined): number | undefined {
  if (!segment || !/^[1-9]\d{0,9}$/.test(segment)) return undefined;
  return Number(segment);
}

export interface WorkspaceParams {
  owner: string;
  workspace: string;
}

/** Owner (without `@`) and workspace name; the route gate guarantees both exist. */
export function useWorkspaceParams(): WorkspaceParams {
  const params = useParams();
  return { owner: parseOwnerSegment(params.owner) ?? "", workspace: params.workspace ?? "" };
}

/** The build number, or undefined when the URL's number is malformed (the page shows not-found). */
export function useBuildNumberParam(): number | undefined {
  return parseBuildNumber(useParams().buildNumber);
}

export const workspacePath = (owner: string, workspace: string) =>
  `/@${encodeURIComponent(owner)}/${encodeURIComponent(workspace)}`;
export const buildHistoryPath = (owner: string, workspace: string) => `${workspacePath(owner, workspace)}/builds`;
export const buildPath = (owner: string, workspace: string, buildNumber: number) =>
  `${buildHistoryPath(owner, workspace)}/${buildNumber}`;
export const timingsPath = (owner: string, workspace: string, buildNumber: number) =>
  `${buildPath(owner, workspace, buildNumber)}/timings`;

// Create and settings pages.
export const createWorkspacePath = (template: string) => `/templates/${encodeURIComponent(template)}/workspace`;
export type SettingsSection = "general" | "schedule" | "parameters";
export const settingsPath = (owner: string, workspace: string, section: SettingsSection = "general") =>
  `${workspacePath(owner, workspace)}/settings${section === "general" ? "" : `/${section}`}`;
