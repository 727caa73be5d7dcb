import { describe, expect, it } from "vitest";
import { findLinks, safeHref } from "./linkify";

const texts = (line: string) => findLinks(line).map((l) => line.slice(l.start, l.end));

describe("findLinks", () => {
  it("finds http and https URLs and trims sentence punctuation", () => {
    expect(texts("see https://coder.com/docs. and http://localhost:3000/a?b=1, ok")).toEqual([
      "https://coder.com/docs",
      "http://localhost:3000/a?b=1",
    ]);
  });

  it("keeps balanced parentheses, drops an unbalanced closing one", () => {
    expect(texts("(https://en.wikipedia.org/wiki/Foo_(bar))")).toEqual(["https://en.wikipedia.org/wiki/Foo_(bar)"]);
  });

  it("never links other schemes", () => {
    expect(findLinks("javascript:alert(1) data:text/html,<b>x</b> file:///etc/passwd ftp://x.test")).toEqual([]);
  });

  it("links only the http part of a javascript: URL that embeds one", () => {
    const line = "javascript://https://evil.test/%0aalert(1)";
    expect(findLinks(line).map((l) => l.href)).toEqual(["https://evil.test/%0aalert(1)"]);
  });

  it("stops at quotes and angle brackets", () => {
    expect(texts(`<a href="https://x.test/p">`)).toEqual(["https://x.test/p"]);
  });
});

describe("safeHref", () => {
  it("accepts only http(s) with a host", () => {
    expect(safeHref("https://x.test/a b")).toBe("https://x.test/a%20b");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("http://")).toBeNull();
    expect(safeHref("not a url")).toBeNull();
  });
});
