import { describe, expect, it } from "vitest";
import type { Preset } from "../../api/types";
import {
  canAutoCreate,
  initialCreateValues,
  mapValidations,
  matchingPreset,
  parseCreateSearch,
  suggestName,
  unknownPrefill,
  valuesToSend,
} from "./prefill";
import { makeParameter as param } from "../workspace/testing";

const repo = param("repo", { required: true, validation_regex: "^https://", validation_error: "https only" });
const cpu = param("cpu", { type: "number", default_value: "4", validation_min: 2, validation_max: 8 });
const preset: Preset = {
  ID: "p1",
  Name: "Small",
  Parameters: [{ Name: "cpu", Value: "2" }],
  Default: false,
  DesiredPrebuildInstances: null,
  Description: "",
  Icon: "",
};

describe("parseCreateSearch", () => {
  it("reads name, mode, version and every param.X", () => {
    const p = parseCreateSearch(
      new URLSearchParams("name=box&mode=auto&version=v2&param.repo=https%3A%2F%2Fx&param.cpu=3&param.=x"),
    );
    expect(p).toEqual({ name: "box", mode: "auto", version: "v2", params: { repo: "https://x", cpu: "3" } });
  });

  it("defaults to the form without a version", () => {
    expect(parseCreateSearch(new URLSearchParams("mode=fast"))).toEqual({
      name: "",
      mode: "form",
      version: undefined,
      params: {},
    });
  });
});

describe("initial values", () => {
  it("URL beats preset beats default", () => {
    expect(initialCreateValues([repo, cpu], {}, undefined)).toEqual({ repo: "", cpu: "4" });
    expect(initialCreateValues([repo, cpu], {}, preset)).toEqual({ repo: "", cpu: "2" });
    expect(initialCreateValues([repo, cpu], { cpu: "6", repo: "https://r" }, preset)).toEqual({
      repo: "https://r",
      cpu: "6",
    });
  });

  it("names URL values no parameter takes", () => {
    expect(unknownPrefill([repo, cpu], { cpu: "1", regoin: "eu" })).toEqual(["regoin"]);
  });

  it("finds the preset the values match", () => {
    expect(matchingPreset([preset], { cpu: "2", repo: "" })?.Name).toBe("Small");
    expect(matchingPreset([preset], { cpu: "4" })).toBeUndefined();
  });
});

describe("canAutoCreate", () => {
  it("only with a valid name and every value acceptable", () => {
    expect(canAutoCreate([repo, cpu], { repo: "https://r", cpu: "4" }, "box", null)).toBe(true);
    expect(canAutoCreate([repo, cpu], { repo: "", cpu: "4" }, "box", null)).toBe(false);
    expect(canAutoCreate([repo, cpu], { repo: "ssh://r", cpu: "4" }, "box", null)).toBe(false);
    expect(canAutoCreate([repo, cpu], { repo: "https://r", cpu: "4" }, "", null)).toBe(false);
    expect(canAutoCreate([repo, cpu], { repo: "https://r", cpu: "4" }, "b--x", "bad")).toBe(false);
  });
});

describe("valuesToSend", () => {
  it("leaves out empty optional values and keeps required ones", () => {
    expect(valuesToSend([repo, cpu, param("dotfiles")], { repo: "https://r", cpu: "4", dotfiles: "" })).toEqual([
      { name: "repo", value: "https://r" },
      { name: "cpu", value: "4" },
    ]);
  });
});

describe("suggestName and mapValidations", () => {
  it("suggests a valid workspace name from the template", () => {
    const name = suggestName("Dev Box!", () => 0);
    expect(name).toBe("dev-box-aaaaa");
    expect(suggestName("x".repeat(40)).length).toBeLessThanOrEqual(32);
  });

  it("puts server validations beside the name, the parameters, or in the general error", () => {
    expect(
      mapValidations(
        [repo],
        [
          { field: "repo", detail: "Invalid parameter value; https only" },
          { field: "name", detail: "taken" },
          { field: "ttl_ms", detail: "too long" },
        ],
      ),
    ).toEqual({ name: "taken", params: { repo: "Invalid parameter value; https only" }, other: ["ttl_ms: too long"] });
  });
});
