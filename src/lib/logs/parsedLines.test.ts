import { describe, expect, it } from "vitest";
import { INFO } from "./levels";
import { ParsedLineCache } from "./parsedLines";
import { LogStore } from "./store";

describe("ParsedLineCache", () => {
  const store = new LogStore("build");
  store.append(
    Array.from({ length: 10 }, (_, i) => ({
      text: `\x1b[32mok\x1b[0m https://x.test/${i}`,
      time: 0,
      level: INFO,
      group: "S",
    })),
  );

  it("parses a line once and returns the same object after", () => {
    const cache = new ParsedLineCache(store);
    const a = cache.get(3);
    expect(a.text).toBe("ok https://x.test/3");
    expect(a.segments[0]).toMatchObject({ text: "ok", fg: 2 });
    expect(a.links.map((l) => l.href)).toEqual(["https://x.test/3"]);
    expect(cache.get(3)).toBe(a);
  });

  it("stays within its limit, dropping the oldest entries", () => {
    const cache = new ParsedLineCache(store, 4);
    const first = cache.get(0);
    for (let i = 1; i < 10; i++) cache.get(i);
    expect(cache.size).toBe(4);
    expect(cache.get(0)).not.toBe(first);
  });
});
