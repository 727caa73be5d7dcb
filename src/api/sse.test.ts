import { describe, expect, it } from "vitest";
import { createSseParser, type SseEvent } from "./sse";

function parse(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((e) => events.push(e));
  for (const c of chunks) parser.push(c);
  return events;
}

describe("SSE parser", () => {
  it("reads Coder's ping (no data) and data events", () => {
    expect(parse(['event: ping\n\nevent: data\ndata: {"id":"1"}\n\n'])).toEqual([
      { event: "ping", data: undefined },
      { event: "data", data: '{"id":"1"}' },
    ]);
  });
  it("survives events split at any byte, with CRLF line ends", () => {
    const text = 'event: data\r\ndata: {"a":1}\r\n\r\nevent: ping\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      expect(parse([text.slice(0, cut), text.slice(cut)])).toEqual([
        { event: "data", data: '{"a":1}' },
        { event: "ping", data: undefined },
      ]);
    }
  });
  it("joins multi-line data, ignores comments, waits for the blank line", () => {
    expect(parse([": hi\ndata: a\ndata: b\n", "\nevent: x\n"])).toEqual([{ event: "message", data: "a\nb" }]);
  });
});
