// src/api/types.ts, the dashboard's one description of Coder's API, checked against Coder's own
// document: a field Coder renames, retypes, stops sending or starts sending as null fails here.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkTypesFile, exportedInterfaces, type Root } from "./typeDrift";

const TYPES_FILE = fileURLToPath(new URL("../../src/api/types.ts", import.meta.url));

const named = (direction: Root["direction"], names: string[]): Root[] =>
  names.map((name) => ({ name, definition: `codersdk.${name}`, direction }));

/**
 * Where each answer and request body of types.ts starts; the interfaces nested in them are reached
 * through their keys. Go's rules on slices and maps: they may be null on the wire, but Coder's
 * handlers build the ones the dashboard reads non-nil, so types.ts types them without `| null`.
 * Each root has Coder's name but the error body, which is Coder's generic `codersdk.Response`.
 */
const ROOTS: Root[] = [
  { name: "ApiErrorResponse", definition: "codersdk.Response", direction: "response" },
  ...named("response", [
    "User",
    "Organization",
    "LoginWithPasswordResponse",
    "BuildInfoResponse",
    "ProvisionerJob",
    "ProvisionerJobLog",
    "WorkspaceAgentLog",
    "WorkspaceResource",
    "WorkspaceBuild",
    "WorkspaceBuildParameter",
    "WorkspaceBuildTimings",
    "Workspace",
    "WorkspacesResponse",
    "Template",
    "TemplateVersion",
    "TemplateVersionParameter",
    "Preset",
    "SSHConfigResponse",
    "AppHostResponse",
    "GenerateAPIKeyResponse",
    "WorkspaceQuota",
    "AuthMethods",
    "ProvisionerDaemon",
  ]),
  ...named("request", [
    "LoginWithPasswordRequest",
    "CreateWorkspaceBuildRequest",
    "CreateWorkspaceRequest",
    "UpdateWorkspaceRequest",
    "UpdateWorkspaceAutostartRequest",
    "UpdateWorkspaceTTLRequest",
    "PutExtendWorkspaceRequest",
    "UpdateWorkspaceDormancy",
    "UpdateWorkspaceAutomaticUpdatesRequest",
  ]),
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
