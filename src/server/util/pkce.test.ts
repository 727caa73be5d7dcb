import { describe, expect, it } from "vitest";
import { challengeS256, createVerifier, validPkceFormat, verifyS256 } from "./pkce";

describe("PKCE", () => {
  it("computes the RFC 7636 appendix B example", () => {
    expect(challengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("creates verifiers in the allowed format, different each time", () => {
    const a = createVerifier();
    const b = createVerifier();
    expect(validPkceFormat(a)).toBe(true);
    expect(a).not.toBe(b);
  });

  it("accepts the right verifier and refuses any other", () => {
    const v = createVerifier();
    const c = challengeS256(v);
    expect(verifyS256(c, v)).toBe(true);
    expect(verifyS256(c, createVerifier())).toBe(false);
    expect(verifyS256(c, "short")).toBe(false);
  });

  it("refuses malformed values", () => {
    expect(validPkceFormat("a".repeat(42))).toBe(false);
    expect(validPkceFormat("a".repeat(129))).toBe(false);
    expect(validPkceFormat("a".repeat(42) + "/")).toBe(false);
  });
});
