import { describe, expect, it } from "vitest";
import { parseAnsi } from "./ansi";
import { layoutRow, MATCH, MATCH_CURRENT, MATCH_NONE } from "./layout";
import { findLinks } from "./linkify";

const E = "\x1b";

describe("layoutRow", () => {
  it("returns one plain chunk when there is nothing to cut", () => {
    const chunks = layoutRow(parseAnsi("hello"), [], []);
    expect(chunks).toEqual([{ href: null, pieces: [{ text: "hello", fg: -1, bg: -1, flags: 0, match: MATCH_NONE }] }]);
  });

  it("cuts coloured segments at link and match boundaries", () => {
    const raw = `${E}[32mgo to https://x.test/a now${E}[0m!`;
    const segments = parseAnsi(raw);
    const text = segments.map((s) => s.text).join("");
    const links = findLinks(text);
    const chunks = layoutRow(segments, links, [
      { start: 0, end: 2, current: false },
      { start: 14, end: 20, current: true },
    ]);
    expect(chunks.map((c) => [c.href, c.pieces.map((p) => [p.text, p.fg, p.match])])).toEqual([
      [
        null,
        [
          ["go", 2, MATCH],
          [" to ", 2, MATCH_NONE],
        ],
      ],
      [
        "https://x.test/a",
        [
          ["https://", 2, MATCH_NONE],
          ["x.test", 2, MATCH_CURRENT],
          ["/a", 2, MATCH_NONE],
        ],
      ],
      [
        null,
        [
          [" now", 2, MATCH_NONE],
          ["!", -1, MATCH_NONE],
        ],
      ],
    ]);
  });

  it("keeps two adjacent links apart", () => {
    const text = "https://a.test/ https://b.test/";
    const chunks = layoutRow(parseAnsi(text), findLinks(text), []);
    expect(chunks.map((c) => c.href)).toEqual(["https://a.test/", null, "https://b.test/"]);
  });
});
