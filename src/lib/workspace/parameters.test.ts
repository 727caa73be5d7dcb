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

describe("initialValues / changedValues", () => {
  it("starts from current values or defaults and sends only changes", () => {
    const current = [{ name: "region", value: "us" }];
    const values = initialValues([region, cpus], current);
    expect(values).toEqual({ region: "us", cpus: "2" });
    expect(changedValues([region, cpus], { ...values, cpus: "4" }, current)).toEqual([{ name: "cpus", value: "4" }]);
    expect(changedValues([debug], { debug: "true" }, current)).toEqual([{ name: "debug", value: "true" }]);
  });
});
