import { describe, expect, it } from "vitest";
import { reasonLabel, transitionLabel } from "./labels";

describe("labels", () => {
  it("names known reasons and keeps unknown ones as text", () => {
    expect(reasonLabel("initiator")).toBe("Manual");
    expect(reasonLabel("autostop")).toBe("Autostop");
    expect(reasonLabel("task_auto_pause")).toBe("task_auto_pause");
    expect(reasonLabel("constructor")).toBe("constructor");
    expect(reasonLabel(undefined)).toBe("—");
  });

  it("names transitions, unknown ones as text", () => {
    expect(transitionLabel("delete")).toBe("Delete");
    expect(transitionLabel("hibernate")).toBe("hibernate");
  });
});
