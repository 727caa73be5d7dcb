import { describe, expect, it } from "vitest";
import {
  buildAutostartCron,
  describeAutostopRequirement,
  describeTtl,
  forbiddenDays,
  parseAutostartCron,
  ttlHours,
  WEEKDAYS,
} from "./cron";

describe("buildAutostartCron", () => {
  it("writes weekdays 09:30 in the chosen zone", () => {
    expect(buildAutostartCron({ days: WEEKDAYS, time: "09:30", timeZone: "Europe/Berlin" })).toBe(
      "CRON_TZ=Europe/Berlin 30 9 * * 1-5",
    );
  });

  it("compresses runs and keeps short ones as lists", () => {
    expect(buildAutostartCron({ days: [6, 0], time: "07:05", timeZone: "UTC" })).toBe("CRON_TZ=UTC 5 7 * * 0,6");
    expect(buildAutostartCron({ days: [1, 2, 3, 5], time: "00:00", timeZone: "UTC" })).toBe(
      "CRON_TZ=UTC 0 0 * * 1-3,5",
    );
    expect(buildAutostartCron({ days: [0, 1, 2, 3, 4, 5, 6], time: "23:59", timeZone: "UTC" })).toBe(
      "CRON_TZ=UTC 59 23 * * *",
    );
  });
});

describe("parseAutostartCron", () => {
  it("round-trips what it builds", () => {
    const form = { days: [1, 2, 3, 5], time: "09:30", timeZone: "America/New_York" };
    expect(parseAutostartCron(buildAutostartCron(form), "UTC")).toEqual(form);
  });

  it("reads Sunday as 7, lists, and a missing zone", () => {
    expect(parseAutostartCron("30 8 * * 6-7", "UTC")).toEqual({ days: [0, 6], time: "08:30", timeZone: "UTC" });
  });

  it("refuses what the form cannot show", () => {
    expect(parseAutostartCron("", "UTC")).toBeUndefined();
    expect(parseAutostartCron("CRON_TZ=UTC */5 9 * * 1-5", "UTC")).toBeUndefined();
    expect(parseAutostartCron("CRON_TZ=UTC 30 9 1 * *", "UTC")).toBeUndefined();
    expect(parseAutostartCron("CRON_TZ=UTC 30 25 * * *", "UTC")).toBeUndefined();
  });
});

describe("template rules and ttl", () => {
  it("lists the days a template's autostart requirement leaves out", () => {
    expect(forbiddenDays(null)).toEqual([]);
    expect(forbiddenDays(["monday", "tuesday", "wednesday", "thursday", "friday"])).toEqual([0, 6]);
  });

  it("says when the template's autostop requirement stops workspaces, in week order", () => {
    expect(describeAutostopRequirement({ days_of_week: [], weeks: 1 })).toBeUndefined();
    expect(describeAutostopRequirement(undefined)).toBeUndefined();
    expect(describeAutostopRequirement({ days_of_week: ["saturday", "monday"], weeks: 2 })).toBe(
      "The template also stops workspaces on Monday, Saturday, every 2 weeks, during your quiet hours.",
    );
    expect(
      describeAutostopRequirement({
        days_of_week: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
        weeks: 1,
      }),
    ).toBe("The template also stops workspaces every day, during your quiet hours.");
  });

  it("says autostop counts from each start and activity pushes it back", () => {
    expect(describeTtl(8, 3_600_000)).toBe("Stops 8 hours after each start. Activity pushes it back by 1 hour.");
    expect(describeTtl(1, 30 * 60_000)).toBe("Stops 1 hour after each start. Activity pushes it back by 30 minutes.");
    expect(describeTtl(2, 0)).toBe("Stops 2 hours after each start. Activity does not delay it.");
  });

  it("turns ttl_ms into hours", () => {
    expect(ttlHours(8 * 3_600_000)).toBe(8);
    expect(ttlHours(undefined)).toBeUndefined();
    expect(ttlHours(0)).toBeUndefined();
  });
});
