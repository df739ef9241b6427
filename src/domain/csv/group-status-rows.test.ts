import { describe, expect, it } from "vitest";
import { defaultIndex } from "../../../test/support/default-playbook.ts";
import { groupStatusRows } from "./group-status-rows.ts";
import { type CsvRecord, parseStatusRow } from "./parse-status-row.ts";

const index = defaultIndex();

function rows(...records: CsvRecord[]) {
  return records.map((record, position) => parseStatusRow(index, record, position + 2));
}

const segment = (fields: CsvRecord): CsvRecord => ({
  tenant_domain: "a.example",
  service: "teams",
  l1: "in_progress",
  ...fields,
});

describe(groupStatusRows.name, () => {
  it("joins the rows of one tenant and service into one segment list, in row order, even when not adjacent", () => {
    const { groups, errors } = groupStatusRows(
      rows(
        segment({ seats: "600", split_reason: "geography" }),
        segment({ service: "exchange", seats: "50" }),
        segment({ seats: "400", l1: "blocked", split_reason: "geography" }),
      ),
    );
    expect(errors).toEqual([]);
    const teams = groups.find((group) => group.serviceId === "teams")!;
    expect(teams.rows).toEqual([2, 4]);
    expect(teams.segments.map((s) => s.seats)).toEqual([600, 400]);
    expect(groups).toHaveLength(2);
  });

  it("refuses rows of one service that disagree on the stage, and marks the service refused", () => {
    const { groups, errors } = groupStatusRows(
      rows(segment({ seats: "1", stage: "assignment" }), segment({ seats: "2", stage: "delivery" })),
    );
    expect(errors.map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 3, field: "stage", code: "stage_inconsistent" },
    ]);
    expect(groups[0]!.refused).toBe(true);
  });

  it("takes a value given on one row only for the whole service", () => {
    const { groups } = groupStatusRows(
      rows(segment({ seats: "1" }), segment({ seats: "2", available_seats: "3" })),
    );
    expect(groups[0]!.availableSeats).toBe(3);
  });

  it("marks a service refused when one of its rows was refused on its own", () => {
    const { groups, errors } = groupStatusRows(rows(segment({ seats: "10" }), segment({ seats: "ten" })));
    expect(errors.map((error) => error.code)).toEqual(["seats_invalid"]);
    expect(groups[0]!.refused).toBe(true);
  });

  it("refuses a blank status row beside rows that record segments", () => {
    const { groups, errors } = groupStatusRows(
      rows(segment({ seats: "10" }), { tenant_domain: "a.example", service: "teams" }),
    );
    expect(errors.map(({ row, code }) => ({ row, code }))).toEqual([{ row: 3, code: "seats_required" }]);
    expect(groups[0]!.refused).toBe(true);
  });
});
