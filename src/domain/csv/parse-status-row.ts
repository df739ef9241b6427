import { normalizeName, type PlaybookIndex } from "../playbook/playbook-index.ts";
import type { Stage } from "../playbook/playbook-schema.ts";
import { cleanText } from "../rules/field-values.ts";
import { type ProposedSegment, type SplitReason, splitReasons } from "../status-segment.ts";
import type { CsvColumnName } from "./csv-columns.ts";
import { type CsvRowError, rowError } from "./csv-row-error.ts";

/** One data row of the status CSV, read into the terms the rules speak. */
export interface StatusRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  /** Lower-cased tenant domain. */
  tenantDomain: string;
  serviceId: string;
  stage: Stage | null;
  availableSeats: number | null;
  version: number | null;
  entitlementId: string | null;
  /** Null for a row that records no status at all (blank seats and L1), as export writes for a service without one. */
  segment: ProposedSegment | null;
}

/**
 * A refused row still names its entitlement when its keys were readable, so the
 * other rows of that entitlement are not judged (or written) without it.
 */
export type RowParse =
  | { ok: true; value: StatusRow }
  | { ok: false; errors: CsvRowError[]; key: { tenantDomain: string; serviceId: string } | null };

/**
 * The lower-cased domain of the tenant a feed key (`tenant_id`) names, among
 * the tenants the importer may see; undefined when none.
 */
export type TenantDomainOf = (tenantKey: string) => string | undefined;

/** A data row keyed by normalised column name; missing columns read as empty. */
export type CsvRecord = Partial<Record<CsvColumnName, string>>;

/**
 * Checks what can be checked from one row alone: keys, numbers and the split
 * reason. Everything the playbook decides (L1/L2/L3, dates, owner, note) is
 * left as written for the status rules, which judge the whole entitlement.
 */
export function parseStatusRow(
  index: PlaybookIndex,
  record: CsvRecord,
  row: number,
  tenantDomainOf: TenantDomainOf = () => undefined,
): RowParse {
  const errors: CsvRowError[] = [];
  const text = (column: CsvColumnName) => cleanText(record[column]);

  const tenantDomain = readTenant(text("tenant_domain"), text("tenant_id"), tenantDomainOf, row, errors);

  const serviceKey = text("service");
  const service = serviceKey === null ? undefined : index.service(serviceKey);
  if (serviceKey === null) {
    errors.push(rowError(row, "service", "service_required", "Name the service (id, name or code)."));
  } else if (!service) {
    errors.push(
      rowError(row, "service", "service_unknown", `"${serviceKey}" is not a service of the playbook.`),
    );
  }

  const stage = readStage(text("stage"), row, errors);
  const availableSeats = readCount(text("available_seats"), row, "available_seats", 0, errors);
  const version = readCount(text("version"), row, "version", 1, errors);
  const seatsText = text("seats");
  const seats = readCount(seatsText, row, "seats", 0, errors);
  const l1 = text("l1");
  const splitReason = readSplitReason(text("split_reason"), row, errors);

  let segment: ProposedSegment | null = null;
  if (seatsText === null && (l1 !== null || anyStatusValue(record))) {
    errors.push(rowError(row, "seats", "seats_required", "Give the number of seats in this segment."));
  } else if (seats !== null) {
    segment = {
      seats,
      l1: l1 ?? "",
      scenarioId: record.scenario ?? null,
      l2: record.l2 ?? null,
      l3: record.l3 ?? null,
      serviceStatus: record.service_status ?? null,
      engagementScenario: record.engagement_scenario ?? null,
      targetDate: record.target_date ?? null,
      owner: record.owner ?? null,
      note: record.note ?? null,
      nextActionDate: record.next_action_date ?? null,
      nextAction: record.next_action ?? null,
      splitReason,
    };
  }

  if (errors.length > 0 || tenantDomain === null || !service) {
    const key = tenantDomain !== null && service ? { tenantDomain, serviceId: service.id } : null;
    return { ok: false, errors, key };
  }
  return {
    ok: true,
    value: {
      row,
      tenantDomain,
      serviceId: service.id,
      stage,
      availableSeats,
      version,
      entitlementId: text("entitlement_id"),
      segment,
    },
  };
}

const statusColumns: readonly CsvColumnName[] = [
  "l2",
  "l3",
  "scenario",
  "service_status",
  "engagement_scenario",
  "target_date",
  "owner",
  "note",
  "next_action_date",
  "next_action",
  "split_reason",
];

function anyStatusValue(record: CsvRecord): boolean {
  return statusColumns.some((column) => cleanText(record[column]) !== null);
}

function readStage(value: string | null, row: number, errors: CsvRowError[]): Stage | null {
  if (value === null) return null;
  const stage = value.toLowerCase();
  if (stage === "assignment" || stage === "delivery") return stage;
  errors.push(
    rowError(row, "stage", "stage_invalid", `"${value}" is not a stage: write assignment or delivery.`),
  );
  return null;
}

/** Whole numbers, allowing the thousands separators spreadsheets add ("12,500"). */
const countPattern = /^(?:\d+|\d{1,3}(?:,\d{3})+)$/;

function readCount(
  value: string | null,
  row: number,
  column: CsvColumnName,
  minimum: number,
  errors: CsvRowError[],
): number | null {
  if (value === null) return null;
  const count = countPattern.test(value) ? Number(value.replaceAll(",", "")) : Number.NaN;
  if (Number.isSafeInteger(count) && count >= minimum) return count;
  errors.push(
    rowError(row, column, `${column}_invalid`, `"${value}" is not a whole number of ${minimum} or more.`),
  );
  return null;
}

const reasonByName = new Map<string, SplitReason>(
  splitReasons.map((reason) => [normalizeName(reason), reason]),
);

/** Accepts the id or its words ("Operating company"); anything else is refused here, split or not. */
function readSplitReason(value: string | null, row: number, errors: CsvRowError[]): SplitReason | null {
  if (value === null) return null;
  const reason = reasonByName.get(normalizeName(value));
  if (reason) return reason;
  errors.push(
    rowError(
      row,
      "split_reason",
      "split_reason_invalid",
      `"${value}" is not a reason to split seats: write ${splitReasons.join(", ")}.`,
    ),
  );
  return null;
}

/**
 * The tenant a row names, by domain or by the feed's stable tenant id; when
 * both are given they must name the same tenant (a file mixing two exports
 * would otherwise write one tenant's status onto another).
 */
function readTenant(
  domainText: string | null,
  keyText: string | null,
  tenantDomainOf: TenantDomainOf,
  row: number,
  errors: CsvRowError[],
): string | null {
  const domain = domainText?.toLowerCase() ?? null;
  if (keyText === null) {
    if (domain === null) {
      errors.push(
        rowError(
          row,
          "tenant_domain",
          "tenant_domain_required",
          "Name the tenant by its domain (tenant_domain) or its feed id (tenant_id).",
        ),
      );
    }
    return domain;
  }
  const found = tenantDomainOf(keyText);
  if (found === undefined) {
    errors.push(rowError(row, "tenant_id", "tenant_unknown", `No tenant has the id "${keyText}".`));
    return null;
  }
  if (domain !== null && domain !== found) {
    errors.push(
      rowError(
        row,
        "tenant_id",
        "tenant_mismatch",
        `The tenant with the id "${keyText}" has the domain ${found}, not ${domain}.`,
      ),
    );
    return null;
  }
  return found;
}
