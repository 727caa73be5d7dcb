import { describe, expect, it } from "vitest";
import { inlineMarkdown } from "./markdownInline";

describe("inlineMarkdown", () => {
  it("renders bold, code, emphasis and http links", () => {
    expect(inlineMarkdown("Clone into `~/src` (**https** only), see [docs](https://coder.com/docs).")).toEqual([
      { kind: "text", text: "Clone into " },
      { kind: "code", text: "~/src" },
      { kind: "text", text: " (" },
      { kind: "strong", text: "https" },
      { kind: "text", text: " only), see " },
      { kind: "link", text: "docs", href: "https://coder.com/docs" },
      { kind: "text", text: "." },
    ]);
  });

  it("keeps HTML and non-http links as text", () => {
    expect(inlineMarkdown('<img src=x onerror="alert(1)"> [x](javascript:alert(1))')).toEqual([
      { kind: "text", text: '<img src=x onerror="alert(1)"> [x](javascript:alert(1))' },
    ]);
  });

  it("leaves underscores inside words alone", () => {
    expect(inlineMarkdown("Sets disk_size_gb and window.__x, but _this_ is emphasis.")).toEqual([
      { kind: "text", text: "Sets disk_size_gb and window.__x, but " },
      { kind: "em", text: "this" },
      { kind: "text", text: " is emphasis." },
    ]);
  });
});
