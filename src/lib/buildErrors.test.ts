import { describe, expect, it } from "vitest";
import { errorCodeOf, errorGuidance } from "./buildErrors";

describe("errorGuidance", () => {
  it("explains INSUFFICIENT_QUOTA from the code", () => {
    const g = errorGuidance({ error_code: "INSUFFICIENT_QUOTA", error: "workspace build failed" });
    expect(g?.code).toBe("INSUFFICIENT_QUOTA");
    expect(g?.body).toMatch(/Stop or delete workspaces/);
    expect(g?.actions.map((a) => a.id)).toEqual(["running-workspaces", "retry"]);
    expect(g?.actions[0].href).toBe("/workspaces?filter=owner%3Ame%20status%3Arunning");
  });

  it("falls back to the error text on older servers", () => {
    expect(errorCodeOf({ error: "build failed: Insufficient quota: 12 > 10" })).toBe("INSUFFICIENT_QUOTA");
    expect(errorCodeOf({ error: "missing values for required template variables: region" })).toBe(
      "REQUIRED_TEMPLATE_VARIABLES",
    );
    expect(errorGuidance({ error: "required template variables" })?.title).toMatch(/missing required variables/);
  });

  it("trusts a code it does not know over the text", () => {
    expect(errorGuidance({ error_code: "SOMETHING_NEW", error: "insufficient quota" })).toBeNull();
  });

  it("returns null for an ordinary failure or no error", () => {
    expect(errorGuidance({ error: "terraform apply: exit status 1" })).toBeNull();
    expect(errorGuidance({})).toBeNull();
  });
});
