import { describe, expect, it } from "vitest";
import { addBusinessDays } from "./business-days.ts";

describe("addBusinessDays", () => {
  it("skips Saturdays and Sundays", () => {
    // 2025-03-10 is a Monday: ten business days later is the Monday two weeks on.
    expect(addBusinessDays("2025-03-10", 10)).toBe("2025-03-24");
    expect(addBusinessDays("2025-03-14", 1)).toBe("2025-03-17");
    expect(addBusinessDays("2025-03-13", 2)).toBe("2025-03-17");
  });

  it("counts from the next weekday when it starts on a weekend", () => {
    expect(addBusinessDays("2025-03-15", 1)).toBe("2025-03-17");
    expect(addBusinessDays("2025-03-16", 5)).toBe("2025-03-21");
  });

  it("takes a moment and reads its UTC date; zero days is that date", () => {
    expect(addBusinessDays(new Date("2025-03-14T23:30:00Z"), 1)).toBe("2025-03-17");
    expect(addBusinessDays("2025-03-15", 0)).toBe("2025-03-15");
  });

  it("refuses a negative or fractional count", () => {
    expect(() => addBusinessDays("2025-03-10", -1)).toThrow();
    expect(() => addBusinessDays("2025-03-10", 1.5)).toThrow();
  });
});
