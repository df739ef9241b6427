import { sql } from "drizzle-orm";
import type { Stage } from "../../domain/playbook/playbook-schema.ts";
import type { SplitReason } from "../../domain/status-segment.ts";
import type { Db } from "../client.ts";
import {
  type EntitlementQuery,
  entitlementListSource,
  entitlementSortKeys,
} from "./entitlement-list-repository.ts";
import { blockedSeatsOf, type EntitlementView, type StoredSegment } from "./entitlement-view.ts";
import { rowsOf } from "./raw-rows.ts";

interface StreamedRow {
  id: string;
  version: number;
  tenantId: string;
  tenantName: string;
  tenantDomain: string;
  customerId: string;
  customerName: string;
  customerExternalId: string;
  serviceId: string;
  serviceName: string;
  serviceCode: string;
  availableSeats: number;
  stage: string;
  /** JSON text of the timestamp. */
  updatedAt: string;
  /** JSON text of the segments in position order, or null without segments. */
  segments: string | null;
}

/**
 * Every entitlement matching a list filter, in the list's order, handed to
 * `each` a batch at a time from one server-side cursor: one query and one
 * snapshot for the whole export (paging would re-run the filter per page and
 * could see rows move between pages), and never more than a batch in memory.
 * `each` is awaited before the next batch is fetched, so a slow reader slows
 * the database down rather than filling memory.
 */
export async function streamEntitlementViews(
  db: Db,
  query: Omit<EntitlementQuery, "limit" | "cursor">,
  batchSize: number,
  each: (views: EntitlementView[]) => Promise<void>,
): Promise<void> {
  const keys = entitlementSortKeys(query);
  const direction = sql.raw(query.order === "asc" ? "asc" : "desc");
  const keyColumns = keys.map((key, position) => sql`${key.expr} as ${sql.raw(`k${position}`)}`);
  const orderBy = sql.join(
    [...keys.map((_, position) => sql.raw(`page.k${position}`)), sql.raw("page.id")].map(
      (ref) => sql`${ref} ${direction}`,
    ),
    sql`, `,
  );
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    // A cursor lives in its transaction; repeatable read keeps one snapshot for every batch.
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    await tx.execute(sql`declare entitlement_export no scroll cursor for
      select e.id::text as "id", e.version as "version", e.tenant_id::text as "tenantId",
        et.name as "tenantName", et.domain as "tenantDomain", ec.id::text as "customerId",
        ec.name as "customerName", ec.external_id as "customerExternalId", e.service_id as "serviceId",
        es.name as "serviceName", es.code as "serviceCode", e.available_seats as "availableSeats",
        e.stage as "stage", to_json(e.updated_at)::text as "updatedAt",
        (select json_agg(json_build_object(
            'seats', s.seats, 'l1', s.l1, 'scenarioId', s.scenario_id, 'l2', s.l2, 'l3', s.l3,
            'serviceStatus', s.service_status, 'engagementScenario', s.engagement_scenario,
            'targetDate', s.target_date, 'owner', s.owner, 'note', s.note,
            'nextActionDate', s.next_action_date, 'nextAction', s.next_action, 'splitReason', s.split_reason,
            'l1Since', s.l1_since) order by s.position)
          from status_segments s where s.entitlement_id = e.id)::text as "segments"
      from (select e.id as id, ${sql.join(keyColumns, sql`, `)} ${entitlementListSource(query)}) page
      join entitlements e on e.id = page.id
      join tenants et on et.id = e.tenant_id
      join customers ec on ec.id = et.customer_id
      join services es on es.id = e.service_id
      order by ${orderBy}`);
    for (;;) {
      const rows = await rowsOf<StreamedRow>(
        tx,
        sql.raw(`fetch ${Math.floor(batchSize)} from entitlement_export`),
      );
      if (rows.length > 0) await each(rows.map(viewOf));
      if (rows.length < batchSize) break;
    }
    await tx.execute(sql`close entitlement_export`);
  });
}

function viewOf(row: StreamedRow): EntitlementView {
  const parsed = (row.segments ? JSON.parse(row.segments) : []) as (Omit<StoredSegment, "splitReason"> & {
    splitReason: string | null;
  })[];
  const segments: StoredSegment[] = parsed.map((segment) => ({
    ...segment,
    splitReason: segment.splitReason as SplitReason | null,
    l1Since: new Date(segment.l1Since).toISOString(),
  }));
  return {
    id: row.id,
    version: row.version,
    tenant: { id: row.tenantId, name: row.tenantName, domain: row.tenantDomain },
    customer: { id: row.customerId, name: row.customerName, externalId: row.customerExternalId },
    service: { id: row.serviceId, name: row.serviceName, code: row.serviceCode },
    availableSeats: row.availableSeats,
    stage: row.stage as Stage,
    updatedAt: new Date(JSON.parse(row.updatedAt) as string).toISOString(),
    segments,
    blockedSeats: blockedSeatsOf(segments),
  };
}
