// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { isTyping } from "./isTyping";

describe("isTyping", () => {
  it("is true in text fields and editable content, false elsewhere", () => {
    const editable = document.createElement("div");
    editable.contentEditable = "true";
    Object.defineProperty(editable, "isContentEditable", { value: true });
    for (const tag of ["input", "textarea", "select"]) expect(isTyping(document.createElement(tag))).toBe(true);
    expect(isTyping(editable)).toBe(true);
    expect(isTyping(document.createElement("button"))).toBe(false);
    expect(isTyping(document)).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});
