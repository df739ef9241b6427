import { describe, expect, it } from "vitest";
import { defaultIndex } from "../../../test/support/default-playbook.ts";
import { checkFeedHeader, missingFeedColumns } from "./feed-header.ts";
import { parseFeedRow } from "./parse-feed-row.ts";

const index = defaultIndex();

describe("feed headers", () => {
  it("match as the status CSV's do and refuse unknown and repeated columns", () => {
    const header = checkFeedHeader("tenants", [
      "\uFEFFTenant ID",
      "customer-key",
      "Name",
      "domain",
      "Notes",
      "name",
    ]);
    expect(header.columns).toEqual(["tenant_id", "customer_key", "name", "domain", "notes", "name"]);
    expect(header.errors.map((error) => [error.file, error.row, error.column, error.code])).toEqual([
      ["tenants", 1, "notes", "column_unknown"],
      ["tenants", 1, "name", "column_duplicate"],
    ]);
  });

  it("name each required column a CSV header lacks", () => {
    expect(missingFeedColumns("usage", ["tenant_id", "service"]).map((error) => error.column)).toEqual([
      "date",
      "active_seats",
    ]);
  });
});

describe("feed rows", () => {
  it("resolve services by id, name, code or alias and read counts and dates", () => {
    for (const service of ["exchange", "Exchange Online", "EXO"]) {
      const parsed = parseFeedRow(
        "entitlements",
        2,
        { tenant_id: " t-1 ", service, available_seats: "250", start_date: "2025-01-01" },
        index,
      );
      expect(parsed).toEqual({
        ok: true,
        row: 2,
        value: {
          tenantKey: "t-1",
          serviceId: "exchange",
          availableSeats: 250,
          purchasedSeats: null,
          startDate: "2025-01-01",
          endDate: null,
        },
      });
    }
  });

  it("report every bad cell of a row with file, row, column and code, and keep the key it names", () => {
    const parsed = parseFeedRow(
      "entitlements",
      7,
      { tenant_id: "t-1", service: "Fax Online", available_seats: "-3", end_date: "2025-02-30" },
      index,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((error) => [error.file, error.row, error.column, error.code])).toEqual([
      ["entitlements", 7, "end_date", "date_invalid"],
      ["entitlements", 7, "service", "service_unknown"],
      ["entitlements", 7, "available_seats", "count_invalid"],
    ]);
    expect(parsed.key.tenantKey).toBe("t-1");
  });

  it("read a person's role by name, refuse Admin, and need exactly one scope", () => {
    const person = (cells: Record<string, string>) =>
      parseFeedRow("people", 3, { email: "Ana@Example.com", name: "Ana", ...cells }, index);
    expect(person({ role: "Delivery FM", customer_key: "C1" })).toMatchObject({
      ok: true,
      value: { email: "ana@example.com", roleId: "delivery_fm", customerKey: "C1", tenantKey: null },
    });
    const codes = (cells: Record<string, string>) => {
      const parsed = person(cells);
      return parsed.ok ? [] : parsed.errors.map((error) => error.code);
    };
    expect(codes({ role: "Admin", tenant_id: "t" })).toEqual(["role_not_allowed"]);
    expect(codes({ role: "Wizard", tenant_id: "t" })).toEqual(["role_unknown"]);
    expect(codes({ role: "Partner", tenant_id: "t", customer_key: "C1" })).toEqual(["scope_invalid"]);
  });

  it("refuse a tenant without a usable domain and a usage row without a date", () => {
    const tenant = parseFeedRow(
      "tenants",
      2,
      { tenant_id: "t", customer_key: "c", name: "n", domain: "not a domain" },
      index,
    );
    expect(tenant.ok ? [] : tenant.errors.map((error) => error.code)).toEqual(["domain_invalid"]);
    const usage = parseFeedRow("usage", 2, { tenant_id: "t", service: "teams", active_seats: "4" }, index);
    expect(usage.ok ? [] : usage.errors.map((error) => [error.column, error.code])).toEqual([
      ["date", "value_required"],
    ]);
  });
});
