import type { Stage } from "../playbook/playbook-schema.ts";
import type { StatusSegment } from "../status-segment.ts";
import { type CsvColumnName, exportColumnNames } from "./csv-columns.ts";
import { escapeFormula } from "./spreadsheet-cells.ts";

/** What export needs to know of one entitlement. */
export interface ExportedEntitlement {
  id: string;
  version: number;
  customerName: string;
  tenantName: string;
  tenantDomain: string;
  /** The tenant's feed key, "" when the feed never named it. */
  tenantId: string;
  serviceId: string;
  stage: Stage;
  availableSeats: number;
  segments: readonly StatusSegment[];
}

/**
 * The CSV rows of one entitlement, one per segment, cells in `exportColumnNames`
 * order. Values are written as stored ids, which import reads back unchanged; a
 * service without a status gets one row with blank status cells to fill in.
 * Cells a spreadsheet would run as formulas are defused (see spreadsheet-cells).
 */
export function entitlementCsvRows(entitlement: ExportedEntitlement): string[][] {
  const shared: Partial<Record<CsvColumnName, string>> = {
    customer: entitlement.customerName,
    tenant: entitlement.tenantName,
    tenant_domain: entitlement.tenantDomain,
    tenant_id: entitlement.tenantId,
    service: entitlement.serviceId,
    entitlement_id: entitlement.id,
    version: String(entitlement.version),
    stage: entitlement.stage,
    available_seats: String(entitlement.availableSeats),
  };
  const line = (cells: Partial<Record<CsvColumnName, string>>) =>
    exportColumnNames.map((column) => escapeFormula(cells[column] ?? ""));
  if (entitlement.segments.length === 0) return [line(shared)];
  return entitlement.segments.map((segment) => {
    const cells: Partial<Record<CsvColumnName, string>> = {
      ...shared,
      seats: String(segment.seats),
      l1: segment.l1,
      l2: segment.l2 ?? "",
      l3: segment.l3 ?? "",
      scenario: segment.scenarioId,
      service_status: segment.serviceStatus ?? "",
      engagement_scenario: segment.engagementScenario ?? "",
      target_date: segment.targetDate ?? "",
      owner: segment.owner ?? "",
      note: segment.note,
      next_action_date: segment.nextActionDate ?? "",
      next_action: segment.nextAction ?? "",
      split_reason: segment.splitReason ?? "",
    };
    return line(cells);
  });
}
