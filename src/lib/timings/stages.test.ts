import { describe, expect, it } from "vitest";
import { stageMeta, timingStageOfLogStage } from "./stages";

describe("timingStageOfLogStage", () => {
  it("maps Coder's human-readable log phases to timing stages", () => {
    expect(timingStageOfLogStage("Setting up")).toBe("init");
    expect(timingStageOfLogStage("Initializing terraform")).toBe("init");
    expect(timingStageOfLogStage("Planning infrastructure")).toBe("plan");
    expect(timingStageOfLogStage("Building dependency graph")).toBe("graph");
    expect(timingStageOfLogStage("Starting workspace")).toBe("apply");
    expect(timingStageOfLogStage("Stopping workspace")).toBe("apply");
    expect(timingStageOfLogStage("Destroying workspace")).toBe("apply");
  });

  it("leaves phases without a stage of their own unmapped", () => {
    expect(timingStageOfLogStage("Parsing template parameters")).toBeUndefined();
    expect(timingStageOfLogStage("Detecting persistent resources")).toBeUndefined();
    expect(timingStageOfLogStage("Cleaning Up")).toBeUndefined();
    expect(timingStageOfLogStage("")).toBeUndefined();
  });
});

describe("stageMeta", () => {
  it("knows the eight stages, grouped, with script stages sharing one hue", () => {
    expect(stageMeta("apply")).toMatchObject({ label: "Apply", group: "provisioner", hue: "apply", order: 3 });
    expect(stageMeta("cron")).toMatchObject({ group: "agent", hue: "script" });
    expect(stageMeta("stop").hue).toBe(stageMeta("start").hue);
  });
});
