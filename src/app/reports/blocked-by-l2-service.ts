import { blockedByL2AndService } from "../../db/repositories/report-repository.ts";
import type { AppDeps } from "../app-deps.ts";
import { type ReportFilter, reportScope } from "./report-scope.ts";

export interface BlockedByL2ServiceRow {
  l2: string | null;
  l2Name: string;
  serviceId: string;
  serviceName: string;
  seats: number;
  tenants: number;
  segments: number;
}

/** Blocked seats per L2 reason and service, biggest first. */
export async function getBlockedByL2Service(
  deps: AppDeps,
  filter: ReportFilter = {},
): Promise<BlockedByL2ServiceRow[]> {
  const { index } = deps.playbook;
  const rows = await blockedByL2AndService(deps.database.db, reportScope(deps, filter));
  return rows.map((row) => ({
    l2: row.l2,
    l2Name: (row.l2 && index.l2("blocked", row.l2)?.name) ?? row.l2 ?? "(no L2)",
    serviceId: row.serviceId,
    serviceName: index.service(row.serviceId)?.name ?? row.serviceId,
    seats: row.seats,
    tenants: row.tenants,
    segments: row.segments,
  }));
}
