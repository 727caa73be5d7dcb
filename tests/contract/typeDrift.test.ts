// The types.ts check must catch what it claims to catch; this runs it on a drifted copy.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkTypesFile } from "./typeDrift";

const DRIFTED = fileURLToPath(new URL("./__fixtures__/driftedTypes.ts", import.meta.url));

describe("types.ts drift check", () => {
  const { problems } = checkTypesFile(DRIFTED, [
    { name: "WorkspaceAppStatus", definition: "codersdk.WorkspaceAppStatus", direction: "response" },
    { name: "WorkspaceAgent", definition: "codersdk.WorkspaceAgent", direction: "response" },
  ]);
  const about = (key: string) => problems.filter((p) => p.startsWith(`${key}:`));

  it("flags a renamed key, a wrong type and a value Coder does not send", () => {
    expect(about("WorkspaceAppStatus.text")).toEqual([
      "WorkspaceAppStatus.text: not a key of codersdk.WorkspaceAppStatus",
    ]);
    expect(about("WorkspaceAppStatus.needs_user_attention")).toHaveLength(1);
    expect(about("WorkspaceAppStatus.state")[0]).toContain("sleeping not among Coder's values");
  });

  it("flags presence and nullability that disagree with Go", () => {
    expect(about("WorkspaceAppStatus.uri")).toEqual(["WorkspaceAppStatus.uri: optional, but Coder always sends it"]);
    expect(about("WorkspaceAppStatus.icon")[0]).toContain("never null from Go");
    expect(about("WorkspaceAgent.parent_id")).toEqual([
      "WorkspaceAgent.parent_id: Coder sends null when unset (uuid.NullUUID); add | null",
      "WorkspaceAgent.parent_id: types.ts says object, Coder (uuid.NullUUID) sends string",
    ]);
  });

  it("passes what matches", () => {
    for (const key of ["id", "created_at", "workspace_id", "agent_id", "app_id"]) {
      expect(about(`WorkspaceAppStatus.${key}`)).toEqual([]);
    }
  });
});
