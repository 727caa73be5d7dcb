import { describe, expect, it } from "vitest";
import { changedValues, initialValues, missingParameters, validateParameter } from "./parameters";
import { makeParameter as param } from "./testing";

const region = param("region", {
  options: [
    { name: "EU", value: "eu", description: "", icon: "" },
    { name: "US", value: "us", description: "", icon: "" },
  ],
  default_value: "eu",
});
const cpus = param("cpus", { type: "number", validation_min: 1, validation_max: 8, default_value: "2" });
const token = param("token", { required: true });
const debug = param("debug", { type: "bool", ephemeral: true, required: true });

describe("missingParameters", () => {
  it("asks for new required parameters and values the new version rejects", () => {
    const current = [
      { name: "region", value: "ap" },
      { name: "cpus", value: "4" },
    ];
    expect(missingParameters([region, cpus, token, debug], current).map((p) => p.name)).toEqual(["region", "token"]);
  });

  it("asks for nothing when every value still fits", () => {
    expect(missingParameters([region, cpus], [{ name: "region", value: "us" }])).toEqual([]);
  });
});

describe("validateParameter", () => {
  it("checks required, options, number ranges, bools and regex", () => {
    expect(validateParameter(token, "")).toBe("A value is required.");
    expect(validateParameter(region, "mars")).toMatch(/offered/);
    expect(validateParameter(cpus, "9")).toBe("Must be at most 8.");
    expect(validateParameter(cpus, "x")).toBe("Enter a number.");
    expect(validateParameter(cpus, "3")).toBeUndefined();
    expect(validateParameter(param("b", { type: "bool" }), "yes")).toMatch(/true or false/);
    expect(validateParameter(param("r", { validation_regex: "^[a-z]+$" }), "ABC")).toMatch(/format/);
    expect(validateParameter(param("r", { validation_regex: "(?P<x>a)" }), "ABC")).toBeUndefined();
  });
});

describe("validateParameter: the template's own rules", () => {
  const disk = param("disk", { type: "number", validation_min: 10, validation_max: 500 });

  it("lets a monotonic number move only its way from the current build's value", () => {
    const grows = { ...disk, validation_monotonic: "increasing" as const };
    const shrinks = { ...disk, validation_monotonic: "decreasing" as const };
    expect(validateParameter(grows, "20", "30")).toBe("Can only grow (now 30).");
    expect(validateParameter(grows, "30", "30")).toBeUndefined();
    expect(validateParameter(grows, "40", "30")).toBeUndefined();
    expect(validateParameter(shrinks, "40", "30")).toBe("Can only shrink (now 30).");
    expect(validateParameter(shrinks, "20", "30")).toBeUndefined();
    // A first build has nothing to compare with.
    expect(validateParameter(grows, "10")).toBeUndefined();
  });

  it("uses the template's error text with {min}, {max} and {value} filled in", () => {
    const cores = { ...disk, validation_error: "Pick between {min} and {max} (got {value})." };
    expect(validateParameter(cores, "501")).toBe("Pick between 10 and 500 (got 501).");
    expect(validateParameter(param("r", { validation_regex: "^x", validation_error: "Start with x" }), "y")).toBe(
      "Start with x",
    );
  });

  it("checks a list(string) is a JSON list of offered values", () => {
    const features = param("features", {
      type: "list(string)",
      options: [
        { name: "Nix", value: "nix", description: "", icon: "" },
        { name: "GPU", value: "gpu", description: "", icon: "" },
      ],
    });
    expect(validateParameter(features, '["nix","gpu"]')).toBeUndefined();
    expect(validateParameter(features, '["docker"]')).toBe("Choose only offered values.");
    expect(validateParameter(features, "nix")).toBe("Must be a list of text values.");
    expect(validateParameter({ ...features, required: true }, "[]")).toBe("Choose at least one value.");
  });
});

describe("initialValues / changedValues", () => {
  it("starts from current values or defaults and sends only changes", () => {
    const current = [{ name: "region", value: "us" }];
    const values = initialValues([region, cpus], current);
    expect(values).toEqual({ region: "us", cpus: "2" });
    expect(changedValues([region, cpus], { ...values, cpus: "4" }, current)).toEqual([{ name: "cpus", value: "4" }]);
    expect(changedValues([debug], { debug: "true" }, current)).toEqual([{ name: "debug", value: "true" }]);
  });
});
