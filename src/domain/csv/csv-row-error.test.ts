import { describe, expect, it } from "vitest";
import { checkHeader, formatRowError, rowErrorsAsViolations } from "./csv-row-error.ts";

describe(checkHeader.name, () => {
  it("reads spreadsheet-style headers as column names", () => {
    const { columns, errors } = checkHeader(["\uFEFFTenant Domain", "Service", "Seats", "L1", "Target-Date"]);
    expect(errors).toEqual([]);
    expect(columns).toEqual(["tenant_domain", "service", "seats", "l1", "target_date"]);
  });

  it("refuses unknown and repeated columns and names missing required ones", () => {
    const { errors } = checkHeader(["tenant_domain", "service", "seats", "seats", "targetdate"]);
    expect(errors.map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 1, field: "seats", code: "column_duplicate" },
      { row: 1, field: null, code: "column_unknown" },
      { row: 1, field: "l1", code: "column_missing" },
    ]);
  });
});

describe(formatRowError.name, () => {
  it("names row, column and rule the way the CLI prints them", () => {
    const error = {
      row: 17,
      field: "target_date" as const,
      code: "target_date_past",
      message: "In the past.",
    };
    expect(formatRowError(error)).toBe("row 17, target_date: target_date_past: In the past.");
    expect(rowErrorsAsViolations([error])[0]!.field).toBe("rows.17.target_date");
  });
});
