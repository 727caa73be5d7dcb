/**
 * JSON text the way Go's encoding/json writes it (Coder's httpapi.Write): `<`, `>`, `&`,
 * U+2028 and U+2029 escaped inside strings, a trailing newline.
 * Those characters can only occur inside string literals, so replacing them in the whole
 * serialized text is equivalent to escaping each string.
 */
export function goJson(value: unknown): string {
  return goJsonLine(value) + "\n";
}

/** Same escaping without the trailing newline (SSE data lines, WebSocket messages). */
export function goJsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => {
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
