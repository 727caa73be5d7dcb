import { describe, expect, it } from "vitest";
import {
  changeDeadline,
  describeAutostart,
  describeAutostop,
  formatInZone,
  lifecycleNotices,
  ownerTimeZone,
} from "./schedule";
import { makeWorkspace } from "./testing";

const NOW = Date.parse("2025-03-04T12:00:00Z");

describe("describeAutostart", () => {
  it("reads simple daily schedules in their zone", () => {
    expect(describeAutostart("CRON_TZ=Europe/Berlin 30 8 * * 1-5")).toEqual({
      text: "Weekdays at 08:30",
      timeZone: "Europe/Berlin",
    });
    expect(describeAutostart("CRON_TZ=UTC 0 9 * * *")).toEqual({ text: "Every day at 09:00", timeZone: "UTC" });
    expect(describeAutostart("CRON_TZ=UTC 5 7 * * 1,3,5")?.text).toBe("Mon, Wed, Fri at 07:05");
    expect(describeAutostart("CRON_TZ=UTC 0 10 * * 6,0")?.text).toBe("Weekends at 10:00");
  });

  it("keeps anything it cannot phrase as the cron itself, and falls back to the given zone", () => {
    expect(describeAutostart("CRON_TZ=Nowhere/Else */15 8 * * *", "Asia/Tokyo")).toEqual({
      text: "*/15 8 * * *",
      timeZone: "Asia/Tokyo",
    });
    expect(describeAutostart("30 8 1 * *", "UTC")).toEqual({ text: "30 8 1 * *", timeZone: "UTC" });
    expect(describeAutostart(undefined)).toBeUndefined();
    expect(describeAutostart("")).toBeUndefined();
  });
});

describe("ownerTimeZone", () => {
  it("takes the schedule's CRON_TZ or the fallback", () => {
    expect(ownerTimeZone({ autostart_schedule: "CRON_TZ=America/New_York 0 9 * * 1-5" }, "UTC")).toBe(
      "America/New_York",
    );
    expect(ownerTimeZone({}, "Europe/Paris")).toBe("Europe/Paris");
  });
});

describe("formatInZone", () => {
  it("shows the owner's wall clock", () => {
    expect(formatInZone("2025-03-04T17:30:00Z", "UTC")).toBe("Tue, Mar 4, 17:30 UTC");
    expect(formatInZone("2025-03-04T17:30:00Z", "Asia/Tokyo")).toBe("Wed, Mar 5, 02:30 GMT+9");
  });

  it("falls back to UTC for a zone the browser does not know, and keeps telling zones apart", () => {
    expect(formatInZone("2025-03-04T17:30:00Z", "Mars/Olympus_Mons")).toBe("Tue, Mar 4, 17:30 UTC");
    expect(formatInZone("2025-03-04T17:30:00Z", "America/New_York")).toBe("Tue, Mar 4, 12:30 EST");
    expect(formatInZone("2025-03-04T17:30:00Z", "Asia/Tokyo")).toBe("Wed, Mar 5, 02:30 GMT+9");
    expect(formatInZone("not a date", "UTC")).toBe("—");
  });
});

describe("describeAutostop", () => {
  it("shows the deadline of a running build, else the TTL", () => {
    const running = makeWorkspace({ status: "running", build: { deadline: "2025-03-04T14:00:00Z" } });
    expect(describeAutostop(running, "UTC", NOW)).toEqual({
      text: "Stops Tue, Mar 4, 14:00 UTC",
      relative: "in 2 hours",
      deadline: "2025-03-04T14:00:00Z",
    });
    expect(
      describeAutostop(makeWorkspace({ status: "stopped", workspace: { ttl_ms: 8 * 3_600_000 } }), "UTC", NOW)?.text,
    ).toBe("8h 00m after start");
    expect(describeAutostop(makeWorkspace({ status: "stopped" }), "UTC", NOW)).toBeUndefined();
  });
});

describe("changeDeadline", () => {
  const build = { status: "running", deadline: "2025-03-04T14:00:00Z", max_deadline: "2025-03-04T15:30:00Z" };

  it("adds an hour, capped at the max deadline", () => {
    expect(changeDeadline(build, 1, NOW)).toEqual({ ok: true, deadline: "2025-03-04T15:00:00.000Z" });
    expect(changeDeadline({ ...build, deadline: "2025-03-04T15:00:00Z" }, 1, NOW)).toEqual({
      ok: true,
      deadline: "2025-03-04T15:30:00.000Z",
    });
    expect(changeDeadline({ ...build, deadline: "2025-03-04T15:30:00Z" }, 1, NOW).ok).toBe(false);
    expect(changeDeadline({ ...build, max_deadline: null }, 1, NOW)).toEqual({
      ok: true,
      deadline: "2025-03-04T15:00:00.000Z",
    });
  });

  it("removes an hour only while the stop stays 30 minutes away", () => {
    expect(changeDeadline(build, -1, NOW)).toEqual({ ok: true, deadline: "2025-03-04T13:00:00.000Z" });
    expect(changeDeadline({ ...build, deadline: "2025-03-04T13:20:00Z" }, -1, NOW).ok).toBe(false);
  });

  it("refuses without a running deadline", () => {
    expect(changeDeadline({ status: "stopped", deadline: null }, 1, NOW).ok).toBe(false);
  });
});

describe("lifecycleNotices", () => {
  it("warns about dormancy and deletion, urgently within a day", () => {
    const notices = lifecycleNotices(
      { dormant_at: "2025-03-01T00:00:00Z", deleting_at: "2025-03-05T06:00:00Z" },
      "UTC",
      NOW,
    );
    expect(notices.map((n) => n.tone)).toEqual(["attention", "failure"]);
    expect(notices[0].text).toMatch(/^Dormant since Sat, Mar 1, 00:00 UTC/);
    expect(notices[1].text).toMatch(/Will be deleted in 18 hours \(Wed, Mar 5, 06:00 UTC\)/);
    expect(lifecycleNotices({ dormant_at: null, deleting_at: null }, "UTC", NOW)).toEqual([]);
  });
});
