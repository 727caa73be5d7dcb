/**
 * JSON text the way Go's encoding/json writes it (Coder's httpapi.Write): `<`, `>`, `&`,
 * U+2028 and U+2029 escaped inside strings, a trailing newline.
 * Those characters can only occur inside string literals, so replacing them in the whole
 * serialized text is equivalent to escaping each string.
 */
export function goJson(value: unknown): string {
  return goJsonLine(value) + "\n";
}

const GO_ESCAPED = /[<>&\u2028\u2029]/g;

/**
 * Same escaping without the trailing newline (SSE data lines, WebSocket messages). Most texts need
 * none, and a 100k-line log is ~27 MB of JSON: the rewrite runs only when something matches.
 */
export function goJsonLine(value: unknown): string {
  const text = JSON.stringify(value);
  GO_ESCAPED.lastIndex = 0;
  if (!GO_ESCAPED.test(text)) return text;
  return text.replace(GO_ESCAPED, (c) => {
    switch (c) {
      case "<":
        return "\\u003c";
      case ">":
        return "\\u003e";
      case "&":
        return "\\u0026";
      case "\u2028":
        return "\\u2028";
      default:
        return "\\u2029";
    }
  });
}
