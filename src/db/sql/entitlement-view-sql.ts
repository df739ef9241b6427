import { sql } from "drizzle-orm";
import type { Stage } from "../../domain/playbook/playbook-schema.ts";
import type { SplitReason } from "../../domain/status-segment.ts";
import type { UsageFacts } from "../../domain/usage/assess-usage.ts";
import type { EntitlementView, StoredSegment } from "../../http/schemas/entitlements.ts";
import { blockedSeatsOf } from "./entitlement-view.ts";
import { segmentOwnerKeys } from "./segment-owner-sql.ts";

/**
 * One entitlement view as a single SQL row: the entitlement `e`, its tenant
 * `et`, customer `ec` and service `es`, and its segments aggregated as JSON in
 * position order. Lists, single reads, status writes and the export all read
 * views this way, so a page of views is one statement (one round trip) rather
 * than one for the rows and one for their segments.
 */
export interface EntitlementViewRow {
  id: string;
  version: number;
  tenantId: string;
  tenantName: string;
  tenantDomain: string;
  /** The tenant's key in the portfolio feed (tenant_id); null for a tenant the feed never named. */
  tenantExternalId: string | null;
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
  /** JSON text of the timestamp, or null while open. */
  endedAt: string | null;
  resplitNeeded: boolean;
  /** JSON text of the UsageFacts, or null without usage points. */
  usage: string | null;
}

/** Usage points the view carries: the trend's length, the most any playbook rule reads. */
export const viewUsagePoints = 12;

/**
 * The usage of entitlement `e` as JSON (UsageFacts): the newest point's date,
 * the active seats of the newest points oldest first, and the newest date with
 * an active seat; null without points. Both read the usage_points primary key
 * backwards. Seats as a plain array keep a page of fifty views small.
 */
const usageJson = sql.raw(`(select case when count(*) = 0 then null else json_build_object(
    'date', max(p.date), 'trend', array_agg(p.active_seats order by p.date),
    'lastActiveDate', (select max(a.date) from usage_points a
      where a.tenant_id = e.tenant_id and a.service_id = e.service_id and a.active_seats > 0)) end
  from (select p.date, p.active_seats from usage_points p
    where p.tenant_id = e.tenant_id and p.service_id = e.service_id
    order by p.date desc limit ${viewUsagePoints}) p)`);

/** The segments of entitlement `e` as JSON text (StoredSegment keys), or null when it has none. */
const segmentsJson = sql`(select json_agg(json_build_object(
    'seats', s.seats, 'l1', s.l1, 'scenarioId', s.scenario_id, 'l2', s.l2, 'l3', s.l3,
    'serviceStatus', s.service_status, 'engagementScenario', s.engagement_scenario,
    'targetDate', s.target_date, 'owner', s.owner, 'note', s.note,
    'nextActionDate', s.next_action_date, 'nextAction', s.next_action, 'splitReason', s.split_reason,
    'l1Since', s.l1_since, ${segmentOwnerKeys("e.tenant_id", "ec.id")}) order by s.position)
  from status_segments s where s.entitlement_id = e.id)::text`;

/** The select list of an EntitlementViewRow over `e`, `et`, `ec` and `es`. */
export const entitlementViewColumns = sql`e.id::text as "id", e.version as "version", e.tenant_id::text as "tenantId",
  et.name as "tenantName", et.domain as "tenantDomain", et.external_id as "tenantExternalId", ec.id::text as "customerId",
  ec.name as "customerName", ec.external_id as "customerExternalId", e.service_id as "serviceId",
  es.name as "serviceName", es.code as "serviceCode", e.available_seats as "availableSeats",
  e.stage as "stage", to_json(e.updated_at)::text as "updatedAt", ${segmentsJson} as "segments",
  to_json(e.ended_at)::text as "endedAt", e.resplit_needed as "resplitNeeded", ${usageJson}::text as "usage"`;

/** A timestamp as the API gives it (JavaScript's toISOString: milliseconds, UTC). */
const isoTime = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * The EntitlementView of `e` (with `et`, `ec`, `es`) as JSON text built by
 * PostgreSQL: what viewOfRow makes of the same row, key for key (a test holds
 * the two together). Lists send these texts on as they are, so a page of fifty
 * views is neither parsed nor re-serialised by the server.
 */
export const entitlementViewJson = sql`json_build_object(
  'id', e.id, 'version', e.version,
  'tenant', json_build_object('id', et.id, 'name', et.name, 'domain', et.domain),
  'customer', json_build_object('id', ec.id, 'name', ec.name, 'externalId', ec.external_id),
  'service', json_build_object('id', es.id, 'name', es.name, 'code', es.code),
  'availableSeats', e.available_seats, 'stage', e.stage, 'updatedAt', ${isoTime("e.updated_at")},
  'segments', coalesce((select json_agg(json_build_object(
      'seats', s.seats, 'l1', s.l1, 'scenarioId', s.scenario_id, 'l2', s.l2, 'l3', s.l3,
      'serviceStatus', s.service_status, 'engagementScenario', s.engagement_scenario,
      'targetDate', s.target_date, 'owner', s.owner, 'note', s.note,
      'nextActionDate', s.next_action_date, 'nextAction', s.next_action, 'splitReason', s.split_reason,
      'l1Since', ${isoTime("s.l1_since")}, ${segmentOwnerKeys("e.tenant_id", "ec.id")}) order by s.position)
    from status_segments s where s.entitlement_id = e.id), '[]'::json),
  'blockedSeats', e.blocked_seats, 'endedAt', ${isoTime("e.ended_at")}, 'resplitNeeded', e.resplit_needed,
  'usage', ${usageJson})::text`;

/** The joins that bring `et`, `ec` and `es` to an entitlement `e`. */
export const entitlementViewJoins = sql`join tenants et on et.id = e.tenant_id
  join customers ec on ec.id = et.customer_id
  join services es on es.id = e.service_id`;

/** Segments as segmentsJson wrote them, timestamps as the API gives them (milliseconds, UTC). */
function segmentsOfJson(text: string | null): StoredSegment[] {
  const parsed = (text ? JSON.parse(text) : []) as (Omit<StoredSegment, "splitReason"> & {
    splitReason: string | null;
  })[];
  return parsed.map((segment) => ({
    ...segment,
    splitReason: segment.splitReason as SplitReason | null,
    l1Since: new Date(segment.l1Since).toISOString(),
  }));
}

export function viewOfRow(row: EntitlementViewRow): EntitlementView {
  const segments = segmentsOfJson(row.segments);
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
    endedAt: row.endedAt === null ? null : new Date(JSON.parse(row.endedAt) as string).toISOString(),
    resplitNeeded: row.resplitNeeded,
    usage: row.usage === null ? null : (JSON.parse(row.usage) as UsageFacts),
  };
}
