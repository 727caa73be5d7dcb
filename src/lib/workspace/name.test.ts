import { describe, expect, it } from "vitest";
import { workspaceNameError } from "./name";

describe("workspaceNameError", () => {
  it("accepts Coder-style names", () => {
    for (const name of ["dev", "my-ws", "A1-b2-C3", "x".repeat(32)]) expect(workspaceNameError(name)).toBeNull();
  });
  it("explains what is wrong", () => {
    expect(workspaceNameError("")).toBe("Enter a name.");
    expect(workspaceNameError("x".repeat(33))).toMatch(/At most 32/);
    expect(workspaceNameError("-dev")).toMatch(/start or end with a dash/);
    expect(workspaceNameError("dev-")).toMatch(/start or end with a dash/);
    expect(workspaceNameError("a--b")).toMatch(/two dashes/);
    expect(workspaceNameError("my ws")).toMatch(/letters, digits/);
    expect(workspaceNameError("my_ws")).toMatch(/letters, digits/);
    expect(workspaceNameError("café")).toMatch(/letters, digits/);
  });
});
