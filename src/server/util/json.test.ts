import { describe, expect, it } from "vitest";
import { goJson } from "./json";

describe("goJson", () => {
  it("escapes <, >, & and line separators inside strings like Go, with a trailing newline", () => {
    const text = goJson({ output: "<script>alert('x')</script> & \u2028" });
    expect(text).toBe('{"output":"\\u003cscript\\u003ealert(\'x\')\\u003c/script\\u003e \\u0026 \\u2028"}\n');
    expect(JSON.parse(text)).toEqual({ output: "<script>alert('x')</script> & \u2028" });
  });

  it("writes arrays exactly as JSON.stringify does, escaped per element", () => {
    const value = [{ output: "a -> b & c" }, { output: "plain" }, null, undefined, 7, "<"];
    const text = goJson(value);
    expect(text).toBe(
      JSON.stringify(value).replaceAll("<", "\\u003c").replaceAll(">", "\\u003e").replaceAll("&", "\\u0026") + "\n",
    );
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it("omits undefined optional fields and keeps nulls", () => {
    expect(goJson({ started_at: undefined, deadline: null })).toBe('{"deadline":null}\n');
  });
});
