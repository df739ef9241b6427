import { describe, expect, it } from "vitest";
import { storedSegment } from "../../test/factories/status-factory.ts";
import { scenarioFields } from "./rules/scenario-fields.ts";
import { sameSegments } from "./same-segments.ts";

const stored = storedSegment({ l1: "in_progress", scenarioId: "in_progress_delivery", seats: 400 });

describe(sameSegments.name, () => {
  it("takes blank text and null for the same nothing recorded", () => {
    expect(sameSegments([{ ...stored, owner: null, note: "" }], [{ ...stored, owner: "", note: "" }])).toBe(
      true,
    );
  });

  it.each([...scenarioFields, "seats", "l1", "scenarioId", "splitReason"] as const)(
    "tells segments apart that differ only in %s",
    (field) => {
      const changed = { ...stored, [field]: field === "seats" ? 401 : "something else" };
      expect(sameSegments([stored], [changed])).toBe(false);
    },
  );

  it("compares position by position", () => {
    const other = { ...stored, seats: 600, splitReason: "geography" as const };
    expect(sameSegments([stored, other], [other, stored])).toBe(false);
    expect(sameSegments([stored], [stored, other])).toBe(false);
  });
});
