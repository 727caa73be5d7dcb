import { describe, expect, it } from "vitest";
import { Sealer } from "./sealed";

describe("Sealer", () => {
  const a = new Sealer("shared-secret", "flow");

  it("opens what a replica with the same secret sealed", () => {
    const other = new Sealer("shared-secret", "flow");
    expect(other.open(a.seal({ state: "s1", verifier: "v" }, 60_000))).toEqual({ state: "s1", verifier: "v" });
  });

  it("hides the value: the sealed text does not contain it", () => {
    expect(a.seal({ refresh: "coder_abc_secretvalue" }, 60_000)).not.toContain("secretvalue");
  });

  it("refuses another secret, another purpose, an altered value and an expired one", () => {
    const sealed = a.seal({ state: "s1" }, 60_000, 1_000);
    expect(new Sealer("other-secret", "flow").open(sealed, 1_000)).toBeUndefined();
    expect(new Sealer("shared-secret", "session").open(sealed, 1_000)).toBeUndefined();
    const [iv, body, tag] = sealed.split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    expect(a.open([iv, flipped.toString("base64url"), tag].join("."), 1_000)).toBeUndefined();
    expect(a.open(sealed, 61_001)).toBeUndefined();
    expect(a.open(sealed, 60_999)).toEqual({ state: "s1" });
    expect(a.open("garbage", 1_000)).toBeUndefined();
    expect(a.open(undefined)).toBeUndefined();
  });
});
