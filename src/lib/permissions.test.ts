import { describe, expect, it } from "vitest";
import { canSeeAllWorkspaces, canUpdateTemplates } from "./permissions";

const withRoles = (...names: string[]) => ({ roles: names.map((name) => ({ name, display_name: name })) });

describe("permissions", () => {
  it("lets owners and template admins see every workspace, not user admins, auditors or members", () => {
    expect(canSeeAllWorkspaces(withRoles("owner"))).toBe(true);
    expect(canSeeAllWorkspaces(withRoles("template-admin"))).toBe(true);
    expect(canSeeAllWorkspaces(withRoles("organization-admin"))).toBe(true);
    expect(canSeeAllWorkspaces(withRoles("user-admin"))).toBe(false);
    expect(canSeeAllWorkspaces(withRoles("auditor"))).toBe(false);
    expect(canSeeAllWorkspaces(withRoles("member"))).toBe(false);
    expect(canSeeAllWorkspaces(undefined)).toBe(false);
  });

  it("lets only those who may update templates read state and override the template's cancel rule", () => {
    expect(canUpdateTemplates(withRoles("owner"))).toBe(true);
    expect(canUpdateTemplates(withRoles("member", "template-admin"))).toBe(true);
    expect(canUpdateTemplates(withRoles("organization-template-admin"))).toBe(true);
    expect(canUpdateTemplates(withRoles("user-admin"))).toBe(false);
    expect(canUpdateTemplates(withRoles("auditor"))).toBe(false);
    expect(canUpdateTemplates({ roles: [] })).toBe(false);
    expect(canUpdateTemplates(undefined)).toBe(false);
  });
});
