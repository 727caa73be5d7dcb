// Typed handles on Coder's definitions for the tests: `expectJson(reply, 200, S.Workspace, …)` checks
// the body against `codersdk.Workspace` (coderApi.ts) and returns it typed as src/api/types.ts says.
// Shapes carry no rules of their own: what is valid is decided by Coder's document alone.
import type * as T from "../../src/api/types";
import { definitionRef, type JsonSchema } from "./coderApi";

export interface Shape<V> {
  /** For messages: `codersdk.Workspace`, `codersdk.Workspace[]`. */
  readonly name: string;
  readonly schema: JsonSchema;
  /** Phantom: the TypeScript type a valid value has. */
  readonly _value?: V;
}

function one<V>(definition: string): Shape<V> {
  return { name: definition, schema: definitionRef(definition) };
}

function list<V>(definition: string): Shape<V[]> {
  return { name: `${definition}[]`, schema: { type: "array", items: definitionRef(definition) } };
}

export const Response = one<T.ApiErrorResponse>("codersdk.Response");
/** Errors are a codersdk.Response with a message; named apart so tests read as intended. */
export const ErrorResponse = Response;
export const LoginResponse = one<T.LoginWithPasswordResponse>("codersdk.LoginWithPasswordResponse");
export const BuildInfo = one<T.BuildInfoResponse>("codersdk.BuildInfoResponse");
export const User = one<T.User>("codersdk.User");
export const Organization = one<T.Organization>("codersdk.Organization");
export const OrganizationList = list<T.Organization>("codersdk.Organization");

export const Template = one<T.Template>("codersdk.Template");
export const TemplateList = list<T.Template>("codersdk.Template");
export const TemplateVersion = one<T.TemplateVersion>("codersdk.TemplateVersion");
export const TemplateVersionList = list<T.TemplateVersion>("codersdk.TemplateVersion");
export const TemplateVersionParameterList = list<T.TemplateVersionParameter>("codersdk.TemplateVersionParameter");

export const ProvisionerJobList = list<T.ProvisionerJob>("codersdk.ProvisionerJob");
export const ProvisionerJobLog = one<T.ProvisionerJobLog>("codersdk.ProvisionerJobLog");
export const ProvisionerJobLogList = list<T.ProvisionerJobLog>("codersdk.ProvisionerJobLog");

export const Workspace = one<T.Workspace>("codersdk.Workspace");
export const WorkspacesResponse = one<T.WorkspacesResponse>("codersdk.WorkspacesResponse");
export const WorkspaceBuild = one<T.WorkspaceBuild>("codersdk.WorkspaceBuild");
export const WorkspaceBuildList = list<T.WorkspaceBuild>("codersdk.WorkspaceBuild");
export const WorkspaceBuildParameterList = list<T.WorkspaceBuildParameter>("codersdk.WorkspaceBuildParameter");
export const WorkspaceBuildTimings = one<T.WorkspaceBuildTimings>("codersdk.WorkspaceBuildTimings");
export const WorkspaceResourceList = list<T.WorkspaceResource>("codersdk.WorkspaceResource");
export const WorkspaceAgent = one<T.WorkspaceAgent>("codersdk.WorkspaceAgent");
export const WorkspaceAgentLogList = list<T.WorkspaceAgentLog>("codersdk.WorkspaceAgentLog");

/** A watch-ws message (codersdk.ServerSentEvent); `data` is checked apart, by its `type`. */
export const WatchEvent = one<T.WatchMessage>("codersdk.ServerSentEvent");
