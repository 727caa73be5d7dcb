import { describe, expect, it } from "vitest";
import {
  filterBuilds,
  initiatorsOf,
  isFiltering,
  NO_FILTER,
  readHistoryFilter,
  shouldFetchMore,
  writeHistoryFilter,
} from "./historyFilter";

const b = (n: number, transition: string, status: string, initiator: string) => ({
  build_number: n,
  transition,
  initiator_name: initiator,
  job: { status },
});
const builds = [
  b(6, "start", "running", "alice"),
  b(5, "stop", "succeeded", "alice"),
  b(4, "start", "failed", "admin"),
  b(3, "start", "canceled", "alice"),
  b(2, "delete", "failed", "alice"),
  b(1, "start", "succeeded", "admin"),
];
const numbers = (list: Array<{ build_number: number }>) => list.map((x) => x.build_number);

describe("history filter URL state", () => {
  it("reads and writes round-trip, leaving defaults and other params alone", () => {
    const params = new URLSearchParams("transition=start&status=failed&initiator=alice&failures=1&chart=0");
    const filter = readHistoryFilter(params);
    expect(filter).toEqual({ transition: "start", status: "failed", initiator: "alice", onlyFailures: true });
    const written = writeHistoryFilter(new URLSearchParams("chart=0"), filter);
    expect(readHistoryFilter(written)).toEqual(filter);
    expect(written.get("chart")).toBe("0");
    expect(writeHistoryFilter(params, NO_FILTER).toString()).toBe("chart=0");
  });

  it("ignores an unknown status and empty values", () => {
    expect(readHistoryFilter(new URLSearchParams("status=bogus&transition=&failures=yes"))).toEqual(NO_FILTER);
    expect(isFiltering(NO_FILTER)).toBe(false);
  });
});

describe("filterBuilds", () => {
  it("filters by transition, status and initiator together", () => {
    expect(numbers(filterBuilds(builds, { ...NO_FILTER, transition: "start" }))).toEqual([6, 4, 3, 1]);
    expect(numbers(filterBuilds(builds, { ...NO_FILTER, status: "failed" }))).toEqual([4, 2]);
    expect(numbers(filterBuilds(builds, { ...NO_FILTER, status: "active" }))).toEqual([6]);
    expect(numbers(filterBuilds(builds, { ...NO_FILTER, transition: "start", initiator: "admin" }))).toEqual([4, 1]);
  });

  it("only failures keeps failed jobs, and combines with other filters", () => {
    expect(numbers(filterBuilds(builds, { ...NO_FILTER, onlyFailures: true }))).toEqual([4, 2]);
    expect(numbers(filterBuilds(builds, { ...NO_FILTER, onlyFailures: true, transition: "delete" }))).toEqual([2]);
    expect(filterBuilds(builds, { ...NO_FILTER, onlyFailures: true, status: "succeeded" })).toEqual([]);
  });

  it("returns every build without a filter", () => {
    expect(filterBuilds(builds, NO_FILTER)).toHaveLength(6);
  });
});

describe("initiatorsOf", () => {
  it("lists unique names sorted, always including the selected one", () => {
    expect(initiatorsOf(builds)).toEqual(["admin", "alice"]);
    expect(initiatorsOf(builds, "bob")).toEqual(["admin", "alice", "bob"]);
  });
});

describe("shouldFetchMore", () => {
  it("fetches only when rows run short, more exist and nothing is in flight", () => {
    expect(shouldFetchMore({ matched: 3, wanted: 25, hasMore: true, fetching: false })).toBe(true);
    expect(shouldFetchMore({ matched: 25, wanted: 25, hasMore: true, fetching: false })).toBe(false);
    expect(shouldFetchMore({ matched: 3, wanted: 25, hasMore: false, fetching: false })).toBe(false);
    expect(shouldFetchMore({ matched: 3, wanted: 25, hasMore: true, fetching: true })).toBe(false);
  });
});
