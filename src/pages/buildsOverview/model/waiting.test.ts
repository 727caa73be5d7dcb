import { describe, expect, it } from "vitest";
import { whyWaiting } from "./waiting";

const ORG = { scope: "organization", owner: "" };
const daemon = (name: string, tags: Record<string, string>, status: string, last_seen_at: string | null = null) => ({
  name,
  tags: { ...ORG, ...tags },
  status,
  last_seen_at,
});

const fleet = [
  daemon("provisioner-1", {}, "busy"),
  daemon("provisioner-2", {}, "busy"),
  daemon("provisioner-eu", { region: "eu-west-1" }, "idle"),
  daemon("provisioner-gpu", { gpu: "a100" }, "offline", "2025-03-10T11:48:00.000Z"),
];

describe("whyWaiting", () => {
  it("names the tag no daemon offers", () => {
    expect(whyWaiting({ ...ORG, region: "ap-southeast-2" }, fleet)).toEqual({
      kind: "missing-tags",
      tags: ["region=ap-southeast-2"],
    });
  });

  it("says when the tags exist only on different daemons", () => {
    expect(whyWaiting({ ...ORG, region: "eu-west-1", gpu: "a100" }, fleet)).toEqual({ kind: "no-single-daemon" });
  });

  it("says when only offline daemons could take it, with when one was last seen", () => {
    expect(whyWaiting({ ...ORG, gpu: "a100" }, fleet)).toEqual({
      kind: "offline",
      names: ["provisioner-gpu"],
      lastSeen: "2025-03-10T11:48:00.000Z",
    });
  });

  it("says every matching daemon is busy: an untagged job waits for the untagged ones", () => {
    expect(whyWaiting(ORG, fleet)).toEqual({ kind: "busy", count: 2 });
  });

  it("says it is about to start when a matching daemon is idle", () => {
    expect(whyWaiting({ ...ORG, region: "eu-west-1" }, fleet)).toEqual({ kind: "starting" });
  });

  it("names the user scope a user-scoped job needs", () => {
    expect(whyWaiting({ scope: "user", owner: "u1" }, fleet)).toEqual({
      kind: "missing-tags",
      tags: ["scope=user, owner=u1"],
    });
  });
});
