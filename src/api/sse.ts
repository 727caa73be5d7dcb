// A small Server-Sent Events parser for the `/watch` fallback. It is fed text chunks as they arrive
// (fetch streaming, which unlike EventSource exposes the HTTP status: a 404 or 401 is visible).

export interface SseEvent {
  event: string;
  /** Joined `data:` lines; undefined when the event carried none (Coder's `ping`). */
  data?: string;
}

export function createSseParser(onEvent: (event: SseEvent) => void): { push(chunk: string): void } {
  let buffer = "";
  let event = "";
  let data: string[] | undefined;

  const dispatch = () => {
    if (event || data) onEvent({ event: event || "message", data: data?.join("\n") });
    event = "";
    data = undefined;
  };

  const line = (text: string) => {
    if (text === "") return dispatch();
    if (text.startsWith(":")) return;
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") (data ??= []).push(value);
  };

  return {
    push(chunk: string) {
      buffer += chunk;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const ch = buffer[i];
        if (ch !== "\n" && ch !== "\r") continue;
        // A lone \r at the end of a chunk may be the first half of \r\n: wait for more.
        if (ch === "\r" && i === buffer.length - 1) break;
        line(buffer.slice(start, i));
        if (ch === "\r" && buffer[i + 1] === "\n") i++;
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
  };
}
