import { describe, expect, it } from "vitest";
import { cleanText, isCalendarDate } from "./field-values.ts";

describe(cleanText.name, () => {
  it("trims text", () => {
    expect(cleanText("  Account Team ")).toBe("Account Team");
  });

  it("reads the table's placeholders and blanks as nothing recorded", () => {
    for (const value of ["", "   ", "N/A", "n/a", " TBD ", "tbd", null, undefined]) {
      expect(cleanText(value)).toBeNull();
    }
  });

  it("keeps text that merely contains a placeholder word", () => {
    expect(cleanText("TBD after the kickoff")).toBe("TBD after the kickoff");
  });
});

describe(isCalendarDate.name, () => {
  it("accepts real dates, including 29 February in a leap year", () => {
    expect(isCalendarDate("2025-06-10")).toBe(true);
    expect(isCalendarDate("2024-02-29")).toBe(true);
  });

  it("refuses days that are not on the calendar", () => {
    expect(isCalendarDate("2025-02-29")).toBe(false);
    expect(isCalendarDate("2025-04-31")).toBe(false);
    expect(isCalendarDate("2025-13-01")).toBe(false);
    expect(isCalendarDate("2025-00-10")).toBe(false);
  });

  it("refuses other spellings of a date", () => {
    expect(isCalendarDate("10/06/2025")).toBe(false);
    expect(isCalendarDate("2025-6-10")).toBe(false);
    expect(isCalendarDate("2025-06-10T00:00:00Z")).toBe(false);
  });
});
