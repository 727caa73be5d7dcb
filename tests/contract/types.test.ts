// src/api/types.ts, the dashboard's one description of Coder's API, checked against Coder's own
// document: a field Coder renames, retypes, stops sending or starts sending as null fails here.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkTypesFile, exportedInterfaces, type Root } from "./typeDrift";

const TYPES_FILE = fileURLToPath(new URL("../../src/api/types.ts", import.meta.url));

/**
 * Where each answer and request body of types.ts starts; the interfaces nested in them are reached
 * through their keys. Go's rules on slices and maps: they may be null on the wire, but Coder's
 * handlers build the ones the dashboard reads non-nil, so types.ts types them without `| null`.
 */
const ROOTS: Root[] = [
  { name: "ApiErrorResponse", definition: "codersdk.Response", direction: "response" },
  { name: "User", definition: "codersdk.User", direction: "response" },
  { name: "Organization", definition: "codersdk.Organization", direction: "response" },
  { name: "LoginWithPasswordResponse", definition: "codersdk.LoginWithPasswordResponse", direction: "response" },
  { name: "BuildInfoResponse", definition: "codersdk.BuildInfoResponse", direction: "response" },
  { name: "ProvisionerJob", definition: "codersdk.ProvisionerJob", direction: "response" },
  { name: "ProvisionerJobLog", definition: "codersdk.ProvisionerJobLog", direction: "response" },
  { name: "WorkspaceAgentLog", definition: "codersdk.WorkspaceAgentLog", direction: "response" },
  { name: "WorkspaceResource", definition: "codersdk.WorkspaceResource", direction: "response" },
  { name: "WorkspaceBuild", definition: "codersdk.WorkspaceBuild", direction: "response" },
  { name: "WorkspaceBuildParameter", definition: "codersdk.WorkspaceBuildParameter", direction: "response" },
  { name: "WorkspaceBuildTimings", definition: "codersdk.WorkspaceBuildTimings", direction: "response" },
  { name: "Workspace", definition: "codersdk.Workspace", direction: "response" },
  { name: "WorkspacesResponse", definition: "codersdk.WorkspacesResponse", direction: "response" },
  { name: "Template", definition: "codersdk.Template", direction: "response" },
  { name: "TemplateVersion", definition: "codersdk.TemplateVersion", direction: "response" },
  { name: "TemplateVersionParameter", definition: "codersdk.TemplateVersionParameter", direction: "response" },
  { name: "LoginWithPasswordRequest", definition: "codersdk.LoginWithPasswordRequest", direction: "request" },
  { name: "CreateWorkspaceBuildRequest", definition: "codersdk.CreateWorkspaceBuildRequest", direction: "request" },
  { name: "CreateWorkspaceRequest", definition: "codersdk.CreateWorkspaceRequest", direction: "request" },
  { name: "UpdateWorkspaceRequest", definition: "codersdk.UpdateWorkspaceRequest", direction: "request" },
  {
    name: "UpdateWorkspaceAutostartRequest",
    definition: "codersdk.UpdateWorkspaceAutostartRequest",
    direction: "request",
  },
  { name: "UpdateWorkspaceTTLRequest", definition: "codersdk.UpdateWorkspaceTTLRequest", direction: "request" },
  { name: "PutExtendWorkspaceRequest", definition: "codersdk.PutExtendWorkspaceRequest", direction: "request" },
  { name: "UpdateWorkspaceDormancy", definition: "codersdk.UpdateWorkspaceDormancy", direction: "request" },
  {
    name: "UpdateWorkspaceAutomaticUpdatesRequest",
    definition: "codersdk.UpdateWorkspaceAutomaticUpdatesRequest",
    direction: "request",
  },
  { name: "Preset", definition: "codersdk.Preset", direction: "response" },
  { name: "SSHConfigResponse", definition: "codersdk.SSHConfigResponse", direction: "response" },
  { name: "AppHostResponse", definition: "codersdk.AppHostResponse", direction: "response" },
  { name: "GenerateAPIKeyResponse", definition: "codersdk.GenerateAPIKeyResponse", direction: "response" },
  { name: "WorkspaceQuota", definition: "codersdk.WorkspaceQuota", direction: "response" },
  { name: "AuthMethods", definition: "codersdk.AuthMethods", direction: "response" },
  { name: "ProvisionerDaemon", definition: "codersdk.ProvisionerDaemon", direction: "response" },
];

describe("src/api/types.ts matches Coder's API document", () => {
  const result = checkTypesFile(TYPES_FILE, ROOTS);

  it("every key exists upstream, with Coder's type, presence and nullability", () => {
    expect(result.problems).toEqual([]);
  });

  it("every interface of types.ts is compared with a Coder definition", () => {
    const unchecked = exportedInterfaces(TYPES_FILE).filter((name) => !result.reached.has(name));
    expect(unchecked, "add a root above for each (or nest it in one)").toEqual([]);
  });
});
