import { describe, expect, it } from "vitest";
import {
  activeFilterCount,
  filterOptions,
  filterOverview,
  readOverviewFilter,
  writeOverviewFilter,
  type OverviewFilter,
} from "./filters";
import { DAY, HOUR, MIN, NOW, build, workspace } from "./testing";

const none: OverviewFilter = {
  range: "24h",
  status: undefined,
  template: undefined,
  owner: undefined,
  transition: undefined,
  errorCode: undefined,
};

describe("URL state", () => {
  it("reads every filter, defaulting the range and ignoring an unknown one", () => {
    const f = readOverviewFilter(
      new URLSearchParams(
        "status=failed&template=docker&owner=bob&transition=stop&error_code=INSUFFICIENT_QUOTA&range=7d",
      ),
    );
    expect(f).toEqual({
      range: "7d",
      status: "failed",
      template: "docker",
      owner: "bob",
      transition: "stop",
      errorCode: "INSUFFICIENT_QUOTA",
    });
    expect(readOverviewFilter(new URLSearchParams("range=2w&status="))).toEqual(none);
  });

  it("writes a patch, keeps other params, drops empty values and the default range", () => {
    const next = writeOverviewFilter(new URLSearchParams("tab=x&template=docker&range=1h"), {
      template: undefined,
      errorCode: "INSUFFICIENT_QUOTA",
      range: "24h",
    });
    expect(next.toString()).toBe("tab=x&error_code=INSUFFICIENT_QUOTA");
    expect(
      readOverviewFilter(writeOverviewFilter(new URLSearchParams(), { ...none, owner: "alice", range: "1h" })),
    ).toEqual({ ...none, owner: "alice", range: "1h" });
  });

  it("counts filters other than the range", () => {
    expect(activeFilterCount({ ...none, range: "7d" })).toBe(0);
    expect(activeFilterCount({ ...none, status: "failed", owner: "bob" })).toBe(2);
  });
});

describe("filterOverview", () => {
  const docker = workspace("dev", "docker", "alice");
  const k8s = workspace("api", "kubernetes", "bob");
  const builds = [
    build({ ws: docker, age: 30 * MIN }),
    build({ ws: docker, age: 2 * HOUR, status: "failed", errorCode: "INSUFFICIENT_QUOTA" }),
    build({ ws: k8s, age: 5 * MIN, status: "running", transition: "stop" }),
    build({ ws: k8s, age: 2 * DAY, status: "failed" }),
  ];
  const ids = (f: Partial<OverviewFilter>) =>
    filterOverview(builds, { ...none, ...f }, NOW).map((b) => builds.indexOf(b));

  it("applies the range to creation time", () => {
    expect(ids({})).toEqual([0, 1, 2]);
    expect(ids({ range: "1h" })).toEqual([0, 2]);
    expect(ids({ range: "7d" })).toEqual([0, 1, 2, 3]);
  });

  it("matches each filter exactly, `active` meaning any job in flight", () => {
    expect(ids({ status: "failed", range: "7d" })).toEqual([1, 3]);
    expect(ids({ status: "active" })).toEqual([2]);
    expect(ids({ template: "kubernetes", range: "7d" })).toEqual([2, 3]);
    expect(ids({ owner: "alice" })).toEqual([0, 1]);
    expect(ids({ transition: "stop" })).toEqual([2]);
    expect(ids({ errorCode: "INSUFFICIENT_QUOTA" })).toEqual([1]);
    expect(ids({ template: "docker", status: "running" })).toEqual([]);
  });

  it("offers the values seen, plus a selected one that is not", () => {
    const options = filterOptions(builds, { ...none, owner: "carol" });
    expect(options.template).toEqual(["docker", "kubernetes"]);
    expect(options.owner).toEqual(["alice", "bob", "carol"]);
    expect(options.status).toEqual(["failed", "running", "succeeded"]);
    expect(options.errorCode).toEqual(["INSUFFICIENT_QUOTA"]);
  });
});
