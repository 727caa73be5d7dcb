import { describe, expect, it } from "vitest";
import { JsonArrayStream } from "./jsonArrayStream";

/** Feeds `text` in pieces of `size` characters and returns every element delivered, batch by batch. */
function feed(text: string, size: number): { batches: unknown[][]; all: unknown[] } {
  const stream = new JsonArrayStream<unknown>();
  const batches: unknown[][] = [];
  for (let i = 0; i < text.length; i += size) {
    const got = stream.push(text.slice(i, i + size));
    if (got.length > 0) batches.push(got);
  }
  const rest = stream.end();
  if (rest.length > 0) batches.push(rest);
  return { batches, all: batches.flat() };
}

// Strings that look like structure: braces, brackets, commas, escaped quotes and backslashes.
const tricky = [
  { id: 1, output: '},{"id":2,"output":"fake"}', stage: "Init" },
  { id: 2, output: "ends with a backslash \\", stage: "Plan" },
  { id: 3, output: 'quote \\" and \\\\" and ]]]', stage: "Plan" },
  { id: 4, output: "<b>html</b> &amp; \u001b[31mred\u001b[0m", stage: "Apply", nested: { a: [1, { b: "}" }] } },
  { id: 5, output: "", stage: "Apply" },
];

describe("JsonArrayStream", () => {
  it("gives the same elements as JSON.parse, whatever the piece size", () => {
    const text = JSON.stringify(tricky);
    for (const size of [1, 2, 3, 7, 16, 64, text.length]) {
      expect(feed(text, size).all).toEqual(tricky);
    }
  });

  it("hands out elements as soon as they are complete, before the array ends", () => {
    const text = JSON.stringify(tricky);
    const stream = new JsonArrayStream<{ id: number }>();
    const firstTwo = text.indexOf(',{"id":3');
    expect(stream.push(text.slice(0, firstTwo + 1)).map((l) => l.id)).toEqual([1, 2]);
    expect(stream.push(text.slice(firstTwo + 1)).map((l) => l.id)).toEqual([3, 4, 5]);
    expect(stream.end()).toEqual([]);
  });

  it("reads whitespace, Go's trailing newline, empty arrays and null (Go's empty slice)", () => {
    expect(feed(' [ {"id":1} ,\n {"id":2} ]\n', 3).all).toEqual([{ id: 1 }, { id: 2 }]);
    expect(feed("[]", 1).all).toEqual([]);
    expect(feed("null\n", 2).all).toEqual([]);
    expect(feed("[1,2,3]", 2).all).toEqual([1, 2, 3]);
  });

  it("refuses a cut-off or non-array answer instead of delivering a partial log as whole", () => {
    const cut = new JsonArrayStream<unknown>();
    expect(cut.push('[{"id":1},{"id":2')).toEqual([{ id: 1 }]);
    expect(() => cut.end()).toThrow(SyntaxError);
    const object = new JsonArrayStream<unknown>();
    object.push('{"message":"nope"}');
    expect(() => object.end()).toThrow(SyntaxError);
    const trailing = new JsonArrayStream<unknown>();
    trailing.push("[1] [2]");
    expect(() => trailing.end()).toThrow(SyntaxError);
  });
});
