import { describe, expect, it } from "vitest";
import { apiPage, readListUrl, writeListUrl } from "./urlState";

const read = (qs: string) => readListUrl(new URLSearchParams(qs));

describe("readListUrl", () => {
  it("defaults an absent filter to owner:me, and an empty one means all", () => {
    expect(read("").filter).toBe("owner:me");
    expect(read("filter=").filter).toBe("");
  });
  it("decodes the filter", () => {
    expect(read("filter=owner%3Ame%20status%3Arunning").filter).toBe("owner:me status:running");
    expect(read("filter=name%3A%22a+b%22").filter).toBe('name:"a b"');
  });
  it("reads page and sort", () => {
    expect(read("page=3&sort=last_used:desc")).toEqual({
      filter: "owner:me",
      page: 3,
      sort: { key: "last_used", direction: "desc" },
    });
    expect(read("page=x&sort=bogus")).toEqual({ filter: "owner:me", page: 1, sort: undefined });
  });
});

describe("writeListUrl", () => {
  const base = new URLSearchParams("filter=owner%3Ame&page=4&sort=name:asc&other=1");

  it("a new filter resets the page and keeps the sort and unrelated params", () => {
    const next = writeListUrl(base, { filter: " status:running " });
    expect(next.get("filter")).toBe("status:running");
    expect(next.has("page")).toBe(false);
    expect(next.get("sort")).toBe("name:asc");
    expect(next.get("other")).toBe("1");
  });
  it("keeps an empty filter present (all workspaces)", () => {
    expect(writeListUrl(base, { filter: "" }).toString()).toContain("filter=&");
  });
  it("a new sort resets the page; null removes it", () => {
    const next = writeListUrl(base, { sort: { key: "last_used", direction: "desc" } });
    expect(next.get("sort")).toBe("last_used:desc");
    expect(next.has("page")).toBe(false);
    expect(writeListUrl(base, { sort: null }).has("sort")).toBe(false);
  });
  it("page 1 is left out of the URL", () => {
    expect(writeListUrl(base, { page: 2 }).get("page")).toBe("2");
    expect(writeListUrl(base, { page: 1 }).has("page")).toBe(false);
  });
  it("round-trips through the URL", () => {
    const next = writeListUrl(new URLSearchParams(), {
      filter: 'name:"a b" status:running',
      sort: { key: "status", direction: "asc" },
    });
    const withPage = writeListUrl(next, { page: 2 });
    expect(readListUrl(new URLSearchParams(withPage.toString()))).toEqual({
      filter: 'name:"a b" status:running',
      page: 2,
      sort: { key: "status", direction: "asc" },
    });
  });
});

describe("apiPage", () => {
  it("turns a 1-based page into limit/offset", () => {
    expect(apiPage(1)).toEqual({ limit: 25, offset: 0 });
    expect(apiPage(3)).toEqual({ limit: 25, offset: 50 });
  });
});
