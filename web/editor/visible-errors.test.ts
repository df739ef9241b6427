import { describe, expect, it } from "vitest";
import { violation } from "../../src/domain/violation.ts";
import { remainingWork, shownViolations } from "./visible-errors.ts";

const noteMissing = violation("segments.0.note", "note_required", "Blocked needs the note.");
const dateMissing = violation("segments.0.targetDate", "target_date_required", "Blocked needs the date.");
const total = violation("segments", "seats_total_mismatch", "Segments total 600 …: 400 unassigned.");
const segmentWide = violation("segments.1", "segments_identical", "Segments 1 and 2 say the same.");
const all = [noteMissing, dateMissing, total, segmentWide];

describe(shownViolations.name, () => {
  it("shows nothing before the user has left a field or pressed Save", () => {
    expect(shownViolations(all, new Set(), false)).toEqual([]);
  });

  it("shows a field's error once the user has left that field", () => {
    expect(shownViolations(all, new Set(["segments.0.note"]), false)).toEqual([noteMissing]);
  });

  it("shows the seat total once a seat count was left, and a segment's own error once one of its fields was", () => {
    expect(shownViolations(all, new Set(["segments.1.seats"]), false)).toEqual([total, segmentWide]);
  });

  it("shows everything once Save was pressed", () => {
    expect(shownViolations(all, new Set(), true)).toEqual(all);
  });
});

describe(remainingWork.name, () => {
  it("counts empty required fields apart from other problems, each field once", () => {
    const twice = violation("segments.0.note", "note_required", "Again.");
    expect(remainingWork([...all, twice])).toEqual({ toFill: 2, toFix: 2 });
    expect(remainingWork([])).toEqual({ toFill: 0, toFix: 0 });
  });
});
