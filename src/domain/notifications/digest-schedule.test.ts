import { describe, expect, it } from "vitest";
import { canonicalTimeZone, digestDateDue, localClock } from "./digest-schedule.ts";

describe("time zones a person may choose", () => {
  it("knows IANA names, in their canonical spelling, and refuses the rest", () => {
    expect(canonicalTimeZone("Asia/Tokyo")).toBe("Asia/Tokyo");
    expect(canonicalTimeZone("asia/tokyo")).toBe("Asia/Tokyo");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(canonicalTimeZone("+02:00")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
  });
});

describe("when a digest is due", () => {
  it("reads the person's clock, daylight saving included", () => {
    // 2025-03-10 22:00 UTC is Tuesday 07:00 in Tokyo and Monday 15:00 in Los Angeles (PDT since 9 March).
    const at = new Date("2025-03-10T22:00:00Z");
    expect(localClock(at, "Asia/Tokyo")).toEqual({ date: "2025-03-11", minute: 7 * 60, weekday: 2 });
    expect(localClock(at, "America/Los_Angeles")).toEqual({
      date: "2025-03-10",
      minute: 15 * 60,
      weekday: 1,
    });
    expect(localClock(new Date("2025-03-08T15:00:00Z"), "America/Los_Angeles").minute).toBe(7 * 60); // PST
  });

  it("is due from 07:00 local for the rest of that day, once per date", () => {
    expect(digestDateDue(new Date("2025-03-10T21:59:00Z"), "Asia/Tokyo", "daily")).toBeNull();
    expect(digestDateDue(new Date("2025-03-10T22:00:00Z"), "Asia/Tokyo", "daily")).toBe("2025-03-11");
    expect(digestDateDue(new Date("2025-03-11T14:59:00Z"), "Asia/Tokyo", "daily")).toBe("2025-03-11");
    expect(digestDateDue(new Date("2025-03-11T13:59:00Z"), "America/Los_Angeles", "daily")).toBeNull();
    expect(digestDateDue(new Date("2025-03-11T14:00:00Z"), "America/Los_Angeles", "daily")).toBe(
      "2025-03-11",
    );
  });

  it("is due on Mondays only when weekly, and never when off", () => {
    const mondayInTokyo = new Date("2025-03-09T23:00:00Z"); // Monday 08:00 in Tokyo, Sunday in UTC
    expect(digestDateDue(mondayInTokyo, "Asia/Tokyo", "weekly")).toBe("2025-03-10");
    expect(digestDateDue(mondayInTokyo, "UTC", "weekly")).toBeNull();
    expect(digestDateDue(mondayInTokyo, "Asia/Tokyo", "off")).toBeNull();
  });
});
