import { describe, expect, it } from "vitest";
import { defaultIndex } from "../../../test/support/default-playbook.ts";
import { type CsvRecord, parseStatusRow, type RowParse, type StatusRow } from "./parse-status-row.ts";

const index = defaultIndex();

const base: CsvRecord = {
  tenant_domain: "Fabrikam-EU.example",
  service: "EXO",
  seats: "1000",
  l1: "Blocked",
  l2: "Partner Engagement",
  note: "Blocked: the partner has no migration engineer until April.",
};

function parsed(result: RowParse): StatusRow {
  if (!result.ok) throw new Error(`expected a row, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

function errorsOf(result: RowParse) {
  if (result.ok) throw new Error("expected errors");
  return result.errors.map(({ row, field, code }) => ({ row, field, code }));
}

describe(parseStatusRow.name, () => {
  it("resolves the service by its code and keys the tenant by its lower-case domain", () => {
    const row = parsed(parseStatusRow(index, base, 7));
    expect(row).toMatchObject({ row: 7, tenantDomain: "fabrikam-eu.example", serviceId: "exchange" });
    expect(row.segment).toMatchObject({ seats: 1000, l1: "Blocked", l2: "Partner Engagement" });
  });

  it("refuses an unknown service on its row and column, and still names no entitlement", () => {
    const result = parseStatusRow(index, { ...base, service: "Lotus Notes" }, 12);
    expect(errorsOf(result)).toEqual([{ row: 12, field: "service", code: "service_unknown" }]);
    expect(result.ok ? null : result.key).toBeNull();
  });

  it("reads seat counts with thousands separators but refuses negative or fractional ones", () => {
    expect(parsed(parseStatusRow(index, { ...base, seats: "12,500" }, 2)).segment?.seats).toBe(12_500);
    expect(errorsOf(parseStatusRow(index, { ...base, seats: "-3" }, 2))).toEqual([
      { row: 2, field: "seats", code: "seats_invalid" },
    ]);
    expect(errorsOf(parseStatusRow(index, { ...base, available_seats: "10.5" }, 2))).toEqual([
      { row: 2, field: "available_seats", code: "available_seats_invalid" },
    ]);
  });

  it("keeps the entitlement key of a refused row so its other rows are not judged without it", () => {
    const result = parseStatusRow(index, { ...base, seats: "many" }, 3);
    expect(result.ok ? null : result.key).toEqual({
      tenantDomain: "fabrikam-eu.example",
      serviceId: "exchange",
    });
  });

  it("reads a row with blank seats and status as 'no status recorded'", () => {
    const row = parsed(
      parseStatusRow(index, { tenant_domain: "a.example", service: "teams", stage: "delivery" }, 4),
    );
    expect(row.segment).toBeNull();
    expect(row.stage).toBe("delivery");
  });

  it("asks for seats when a row records a status without them", () => {
    expect(errorsOf(parseStatusRow(index, { ...base, seats: "" }, 5))).toEqual([
      { row: 5, field: "seats", code: "seats_required" },
    ]);
  });

  it("accepts a split reason written in words and refuses one the playbook does not allow", () => {
    const row = parsed(parseStatusRow(index, { ...base, split_reason: "Operating company" }, 2));
    expect(row.segment?.splitReason).toBe("operating_company");
    expect(errorsOf(parseStatusRow(index, { ...base, split_reason: "budget" }, 9))).toEqual([
      { row: 9, field: "split_reason", code: "split_reason_invalid" },
    ]);
  });

  it("refuses a stage other than assignment or delivery", () => {
    expect(errorsOf(parseStatusRow(index, { ...base, stage: "adoption" }, 2))).toEqual([
      { row: 2, field: "stage", code: "stage_invalid" },
    ]);
    expect(parsed(parseStatusRow(index, { ...base, stage: "Delivery" }, 2)).stage).toBe("delivery");
  });
});
