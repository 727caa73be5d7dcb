// The contract checker must catch what it claims to catch; otherwise a green contract test means nothing.
import { describe, expect, it } from "vitest";
import { check, type Finding } from "./checker";
import { definitionRef, findOperation, responseSchema } from "./coderApi";

const UUID = "5b6a2c1e-8f1d-4c3b-9a7e-2d4f6b8c0e1a";

/** A WorkspaceAppStatus as Coder sends it: every key present, none null. */
const appStatus = () => ({
  id: UUID,
  created_at: "2026-08-22T10:00:00.123456Z",
  workspace_id: UUID,
  agent_id: UUID,
  app_id: UUID,
  state: "working",
  message: "Running tests",
  uri: "",
  icon: "",
  needs_user_attention: false,
});

const AppStatus = definitionRef("codersdk.WorkspaceAppStatus");
const kinds = (findings: Finding[]) => findings.map((f) => `${f.kind} ${f.at}`);

describe("contract checker", () => {
  it("accepts a value exactly as Coder sends it", () => {
    expect(check(AppStatus, appStatus())).toEqual([]);
  });

  it("reports a missing always-sent key as such, even when its value would be empty", () => {
    const { uri: _uri, ...rest } = appStatus();
    const findings = check(AppStatus, rest);
    expect(kinds(findings)).toEqual(["always-sent /uri"]);
    expect(findings[0].message).toContain("codersdk.WorkspaceAppStatus.uri");
  });

  it("finds a missing always-sent key deep inside a nested object", () => {
    const app = { statuses: [{ ...appStatus(), icon: undefined }] };
    const findings = check(definitionRef("codersdk.WorkspaceApp"), JSON.parse(JSON.stringify(app)));
    expect(kinds(findings)).toContain("always-sent /statuses/0/icon");
  });

  it("reports a wrong type, a bad enum value and an unknown key", () => {
    expect(kinds(check(AppStatus, { ...appStatus(), message: 42 }))).toEqual(["schema /message"]);
    expect(kinds(check(AppStatus, { ...appStatus(), state: "sleeping" }))).toEqual(["schema /state"]);
    expect(kinds(check(AppStatus, { ...appStatus(), colour: "red" }))).toEqual(["schema /colour"]);
    expect(kinds(check(AppStatus, { ...appStatus(), created_at: "yesterday" }))).toEqual(["schema /created_at"]);
    expect(kinds(check(AppStatus, { ...appStatus(), id: "not-a-uuid" }))).toEqual(["schema /id"]);
  });

  it("rejects null where Go cannot send null, and accepts it where it can", () => {
    expect(kinds(check(AppStatus, { ...appStatus(), message: null }))).toEqual(["schema /message"]);
    // TransitionStats.P50 is a Go *int64: null when there is no data.
    const stats = definitionRef("codersdk.TransitionStats");
    expect(check(stats, { P50: null, P95: 120 })).toEqual([]);
    expect(kinds(check(stats, { P50: "fast", P95: 120 }))).toEqual(["schema /P50"]);
  });

  it("applies the corrections: NullUUID is a string or null, TransitionStats keys are upper case", () => {
    const agentParent = definitionRef("codersdk.WorkspaceAgent");
    const parentFindings = (value: unknown) =>
      check(agentParent, { parent_id: value }).filter((f) => f.at === "/parent_id");
    expect(parentFindings(null)).toEqual([]);
    expect(parentFindings(UUID)).toEqual([]);
    expect(kinds(parentFindings({ uuid: UUID, valid: true }))).toEqual(["schema /parent_id"]);
    expect(kinds(check(definitionRef("codersdk.TransitionStats"), { p50: 1, p95: 2 }))).toEqual([
      "always-sent /P50",
      "always-sent /P95",
      "schema /p50",
      "schema /p95",
    ]);
  });

  it("finds the documented answer of a concrete request, literal segments first", () => {
    expect(findOperation("GET", "/api/v2/users/me/workspace/dev?include_deleted=true")?.key).toBe(
      "GET /users/{user}/workspace/{workspacename}",
    );
    expect(findOperation("GET", "/api/v2/users/authmethods")?.key).toBe("GET /users/authmethods");
    expect(findOperation("GET", "/api/v2/no/such/route")).toBeUndefined();
    const state = findOperation("GET", `/api/v2/workspacebuilds/${UUID}/state`);
    expect(state && responseSchema(state, 200)).toEqual({ type: "object" });
  });
});
