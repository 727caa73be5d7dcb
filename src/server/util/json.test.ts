import { describe, expect, it } from "vitest";
import { goJson } from "./json";

describe("goJson", () => {
  it("escapes <, >, & and line separators inside strings like Go, with a trailing newline", () => {
    const text = goJson({ output: "<script>alert('x')</script> & \u2028" });
    expect(text).toBe('{"output":"\\u003cscript\\u003ealert(\'x\')\\u003c/script\\u003e \\u0026 \\u2028"}\n');
    expect(JSON.parse(text)).toEqual({ output: "<script>alert('x')</script> & \u2028" });
  });

  it("omits undefined optional fields and keeps nulls", () => {
    expect(goJson({ started_at: undefined, deadline: null })).toBe('{"deadline":null}\n');
  });
});
