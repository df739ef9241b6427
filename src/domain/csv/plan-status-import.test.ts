import { describe, expect, it } from "vitest";
import { futureDate, pastDate, storedSegment, testToday } from "../../../test/factories/status-factory.ts";
import { defaultIndex } from "../../../test/support/default-playbook.ts";
import { groupStatusRows } from "./group-status-rows.ts";
import { type CsvRecord, parseStatusRow } from "./parse-status-row.ts";
import { type PlanInput, planStatusImport, type StoredEntitlement } from "./plan-status-import.ts";

const index = defaultIndex();

const inProgress = storedSegment({
  seats: 1000,
  l1: "in_progress",
  scenarioId: "in_progress_delivery",
  serviceStatus: "migrate",
  engagementScenario: "customer_led",
  targetDate: futureDate,
  note: "Deploying; at pilot wave; 200 mailboxes move next.",
});

const stored: StoredEntitlement = {
  id: "6b3c1e9e-3f7a-4a43-9a3e-0d6c1f3b2a10",
  version: 4,
  stage: "delivery",
  availableSeats: 1000,
  segments: [inProgress],
};

/** The stored segment written back as a CSV row would carry it. */
const restated: CsvRecord = {
  tenant_domain: "contoso.example",
  service: "exchange",
  seats: "1000",
  l1: "in_progress",
  scenario: "in_progress_delivery",
  service_status: "migrate",
  engagement_scenario: "customer_led",
  target_date: futureDate,
  note: "Deploying; at pilot wave; 200 mailboxes move next.",
};

function plan(records: CsvRecord[], overrides: Partial<PlanInput> = {}) {
  const { groups } = groupStatusRows(
    records.map((record, position) => parseStatusRow(index, record, position + 2)),
  );
  return planStatusImport({
    index,
    actorRole: "delivery_fm",
    today: testToday,
    updateSeats: false,
    groups,
    lookup: {
      tenantExists: (domain) => domain === "contoso.example",
      entitlement: (domain, serviceId) =>
        domain === "contoso.example" && serviceId === "exchange" ? stored : undefined,
    },
    ...overrides,
  });
}

const located = (result: ReturnType<typeof plan>) =>
  result.errors.map(({ row, field, code }) => ({ row, field, code }));

describe(planStatusImport.name, () => {
  it("counts a restated status as unchanged and plans no write", () => {
    const result = plan([restated]);
    expect(result).toMatchObject({ changes: [], unchanged: 1, errors: [] });
  });

  it("plans the change with the segments the rules built (ids for names)", () => {
    const result = plan([
      { ...restated, l1: "Blocked", l2: "Partner Engagement", scenario: "", service_status: "" },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]!.segments[0]).toMatchObject({
      l1: "blocked",
      l2: "partner_engagement",
      scenarioId: "blocked_delivery",
      owner: "Account Team",
    });
  });

  it("points a rule violation at the row and column it came from", () => {
    const result = plan([
      { ...restated, seats: "600", split_reason: "geography" },
      {
        ...restated,
        seats: "400",
        target_date: pastDate,
        note: "Deploying; at wave two.",
        split_reason: "geography",
      },
    ]);
    expect(located(result)).toEqual([{ row: 3, field: "target_date", code: "target_date_past" }]);
    expect(result.changes).toEqual([]);
  });

  it("reports seats that do not add up on the service's first row, naming all its rows", () => {
    const result = plan([
      { ...restated, seats: "600", split_reason: "geography" },
      { ...restated, seats: "300", note: "Deploying; at wave two.", split_reason: "geography" },
    ]);
    expect(located(result)).toEqual([{ row: 2, field: "seats", code: "seats_total_mismatch" }]);
    expect(result.errors[0]!.message).toContain("(rows 2, 3)");
  });

  it("refuses a change from a file exported before the entitlement last changed", () => {
    const edited = { ...restated, version: "3", note: "Deploying; at wave two; 400 mailboxes move next." };
    expect(located(plan([edited]))).toEqual([{ row: 2, field: "version", code: "version_conflict" }]);
    // A stale file whose rows would not even pass the rules still reads as the conflict it is.
    expect(located(plan([{ ...edited, target_date: pastDate }]))).toEqual([
      { row: 2, field: "version", code: "version_conflict" },
    ]);
  });

  it("reads a stale version that restates the stored status as unchanged (a file imported twice)", () => {
    const result = plan([{ ...restated, version: "3" }]);
    expect(result.errors).toEqual([]);
    expect(result.unchanged).toBe(1);
    expect(result.changes).toEqual([]);
  });

  it("names a tenant by its feed id, which must agree with the domain when both are given", () => {
    const byKey = (key: string) => (key === "T-1" ? "contoso.example" : undefined);
    const parse = (record: CsvRecord) => parseStatusRow(index, record, 2, byKey);
    const { tenant_domain: _domain, ...withoutDomain } = restated;
    expect(parse({ ...withoutDomain, tenant_id: "T-1" })).toMatchObject({
      ok: true,
      value: { tenantDomain: "contoso.example" },
    });
    expect(parse({ ...restated, tenant_id: "T-1" })).toMatchObject({ ok: true });
    expect(parse({ ...restated, tenant_id: "T-2" })).toMatchObject({
      ok: false,
      errors: [{ field: "tenant_id", code: "tenant_unknown" }],
    });
    expect(parse({ ...restated, tenant_domain: "fabrikam.example", tenant_id: "T-1" })).toMatchObject({
      ok: false,
      errors: [{ field: "tenant_id", code: "tenant_mismatch" }],
    });
    expect(parse({ ...withoutDomain })).toMatchObject({
      ok: false,
      errors: [{ field: "tenant_domain", code: "tenant_domain_required" }],
    });
  });

  it("refuses other available seats unless asked to update them", () => {
    const changed = { ...restated, available_seats: "1200", seats: "1200" };
    expect(located(plan([changed]))).toEqual([
      { row: 2, field: "available_seats", code: "available_seats_mismatch" },
    ]);
    const updated = plan([changed], { updateSeats: true });
    expect(updated.errors).toEqual([]);
    expect(updated.changes[0]).toMatchObject({ availableSeats: 1200 });
  });

  it("refuses unknown tenants and services the tenant has no entitlement for", () => {
    expect(
      located(
        plan([
          { ...restated, tenant_domain: "nobody.example" },
          { ...restated, service: "teams" },
        ]),
      ),
    ).toEqual([
      { row: 2, field: "tenant_domain", code: "tenant_unknown" },
      { row: 3, field: "service", code: "entitlement_unknown" },
    ]);
  });

  it("judges role rules for the acting role, as the API does", () => {
    const result = plan([{ ...restated, l1: "blocked", l2: "partner_engagement", scenario: "" }], {
      actorRole: "viewer",
    });
    expect(result.errors.map((error) => error.code)).toContain("role_not_allowed");
    expect(result.errors[0]).toMatchObject({ row: 2, field: "scenario" });
  });
});
