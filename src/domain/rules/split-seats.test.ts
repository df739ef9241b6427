import { describe, expect, it } from "vitest";
import type { ProposedSegment } from "../status-segment.ts";
import { checkSplit } from "./split-seats.ts";

const segment = (seats: number, fields: Partial<ProposedSegment> = {}): ProposedSegment => ({
  seats,
  l1: "blocked",
  l2: "partner_engagement",
  note: "Blocked: partner contract pending.",
  ...fields,
});

const codes = (found: { code: string }[]) => found.map((item) => item.code);

describe(checkSplit.name, () => {
  it("accepts a single segment holding every seat", () => {
    expect(checkSplit(1000, [segment(1000)])).toEqual([]);
  });

  it("refuses an entitlement without segments", () => {
    expect(codes(checkSplit(1000, []))).toEqual(["segments_required"]);
  });

  it("names both totals and the seats left unassigned", () => {
    expect(checkSplit(1000, [segment(900)])).toEqual([
      {
        field: "segments",
        code: "seats_total_mismatch",
        message: "Segments total 900 seats but the service has 1,000 available: 100 unassigned.",
      },
    ]);
  });

  it("names the seats over the available count", () => {
    const [found] = checkSplit(1000, [
      segment(700, { splitReason: "geography" }),
      segment(450, { splitReason: "geography", l2: "adoption_readiness" }),
    ]);
    expect(found!.message).toBe(
      "Segments total 1,150 seats but the service has 1,000 available: 150 too many.",
    );
  });

  it("refuses seats that are not positive whole numbers", () => {
    const found = checkSplit(10, [
      segment(0, { splitReason: "geography" }),
      segment(2.5, { splitReason: "geography", l2: "adoption_readiness" }),
      segment(-1, { splitReason: "geography", l2: "app_compatibility" }),
      segment(8.5, { splitReason: "geography", l2: "service_reliability" }),
    ]);
    expect(found.map((item) => [item.field, item.code])).toEqual([
      ["segments.0.seats", "seats_invalid"],
      ["segments.1.seats", "seats_invalid"],
      ["segments.2.seats", "seats_invalid"],
      ["segments.3.seats", "seats_invalid"],
    ]);
  });

  it("requires a split reason on every segment of a split", () => {
    const found = checkSplit(1000, [
      segment(600, { splitReason: "geography" }),
      segment(400, { l2: "adoption_readiness" }),
    ]);
    expect(found).toEqual([
      expect.objectContaining({ field: "segments.1.splitReason", code: "split_reason_required" }),
    ]);
  });

  it("refuses a split reason the playbook does not allow", () => {
    const found = checkSplit(1000, [
      segment(600, { splitReason: "geography" }),
      segment(400, { l2: "adoption_readiness", splitReason: "budget" as never }),
    ]);
    expect(codes(found)).toEqual(["split_reason_invalid"]);
  });

  it("accepts each of the three split reasons", () => {
    for (const splitReason of ["geography", "operating_company", "duplicate_entitlement"] as const) {
      const found = checkSplit(1000, [
        segment(600, { splitReason }),
        segment(400, { splitReason, l2: "adoption_readiness" }),
      ]);
      expect(found).toEqual([]);
    }
  });

  it("does not ask for a reason when the seats are not split", () => {
    expect(checkSplit(1000, [segment(1000, { splitReason: null })])).toEqual([]);
  });

  it("refuses a split into segments that record the same thing", () => {
    const found = checkSplit(1000, [
      segment(600, { splitReason: "geography" }),
      segment(400, { splitReason: "operating_company", note: "  Blocked: partner contract pending. " }),
    ]);
    expect(found).toEqual([expect.objectContaining({ field: "segments.1", code: "segments_identical" })]);
  });

  it("accepts segments that differ only in owner or dates", () => {
    const found = checkSplit(1000, [
      segment(600, { splitReason: "geography", targetDate: "2025-09-30" }),
      segment(400, { splitReason: "geography", targetDate: "2025-12-31" }),
    ]);
    expect(found).toEqual([]);
  });

  describe("a service with no available seats", () => {
    it("takes one segment with 0 seats", () => {
      expect(checkSplit(0, [segment(0)])).toEqual([]);
    });

    it("refuses seats on that segment", () => {
      expect(codes(checkSplit(0, [segment(5)]))).toEqual(["seats_total_mismatch"]);
    });

    it("refuses a split", () => {
      expect(codes(checkSplit(0, [segment(0), segment(0, { l2: "adoption_readiness" })]))).toEqual([
        "segments_zero_seats_split",
      ]);
    });
  });

  it("refuses an available seat count that is not a whole number", () => {
    expect(codes(checkSplit(-3, [segment(1)]))).toEqual(["available_seats_invalid"]);
  });
});
