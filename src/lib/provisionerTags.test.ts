import { describe, expect, it } from "vitest";
import { daemonCanTake, isUntagged, normalizeTags, tagsNobodyOffers } from "./provisionerTags";

const UNTAGGED = { scope: "organization", owner: "" };

describe("normalizeTags", () => {
  it("defaults the scope to the organization and clears the owner", () => {
    expect(normalizeTags({})).toEqual(UNTAGGED);
    expect(normalizeTags({ owner: "someone" })).toEqual(UNTAGGED);
    expect(normalizeTags({ region: "eu" })).toEqual({ ...UNTAGGED, region: "eu" });
  });

  it("gives a user-scoped set to its user, and turns an unknown scope into the organization", () => {
    expect(normalizeTags({ scope: "user" }, "u1")).toEqual({ scope: "user", owner: "u1" });
    expect(normalizeTags({ scope: "galaxy", owner: "x" })).toEqual(UNTAGGED);
  });
});

describe("daemonCanTake", () => {
  it("lets an untagged job go only to an untagged daemon", () => {
    expect(daemonCanTake(UNTAGGED, UNTAGGED)).toBe(true);
    expect(daemonCanTake({}, {})).toBe(true);
    expect(daemonCanTake({ ...UNTAGGED, region: "eu" }, UNTAGGED)).toBe(false);
  });

  it("lets a tagged job go to any daemon offering all of its tags", () => {
    const job = { ...UNTAGGED, region: "eu" };
    expect(daemonCanTake({ ...UNTAGGED, region: "eu", gpu: "a100" }, job)).toBe(true);
    expect(daemonCanTake({ ...UNTAGGED, region: "us" }, job)).toBe(false);
    expect(daemonCanTake(UNTAGGED, job)).toBe(false);
  });

  it("matches user-scoped jobs with that user's daemons only", () => {
    const job = { scope: "user", owner: "u1" };
    expect(daemonCanTake({ scope: "user", owner: "u1" }, job)).toBe(true);
    expect(daemonCanTake({ scope: "user", owner: "u2" }, job)).toBe(false);
    expect(daemonCanTake(UNTAGGED, job)).toBe(false);
  });
});

describe("tagsNobodyOffers", () => {
  const daemons = [UNTAGGED, { ...UNTAGGED, region: "eu-west-1" }, { ...UNTAGGED, gpu: "a100" }];

  it("names the tag no daemon offers", () => {
    expect(tagsNobodyOffers({ ...UNTAGGED, region: "ap-southeast-2" }, daemons)).toEqual(["region=ap-southeast-2"]);
    expect(tagsNobodyOffers({ region: "ap-southeast-2", disk: "ssd", gpu: "a100" }, daemons)).toEqual([
      "region=ap-southeast-2",
      "disk=ssd",
    ]);
  });

  it("is empty when each tag is offered by some daemon, even if no single one offers all", () => {
    expect(tagsNobodyOffers({ region: "eu-west-1", gpu: "a100" }, daemons)).toEqual([]);
    expect(tagsNobodyOffers(UNTAGGED, daemons)).toEqual([]);
  });

  it("names the user scope when no daemon of that user exists", () => {
    expect(tagsNobodyOffers({ scope: "user", owner: "u1" }, daemons)).toEqual(["scope=user, owner=u1"]);
    expect(tagsNobodyOffers({ scope: "user", owner: "u1" }, [{ scope: "user", owner: "u1" }])).toEqual([]);
  });

  it("knows an untagged set", () => {
    expect(isUntagged({})).toBe(true);
    expect(isUntagged({ region: "eu" })).toBe(false);
  });
});
