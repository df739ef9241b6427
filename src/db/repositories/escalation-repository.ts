import { type SQL, sql } from "drizzle-orm";
import type { EscalationState } from "../../domain/escalations/escalation-policy.ts";
import type { RuleValues } from "../../domain/escalations/rule-escalation-message.ts";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { EscalationEvent } from "../../http/schemas/escalations.ts";
import type { Db } from "../client.ts";
import { isUuid, rowsOf } from "../infra/raw-rows.ts";
import { tenantScopeCondition } from "../sql/tenant-scope-sql.ts";

/** Escalations to the resolver groups and their events (docs/ESCALATIONS.md). */

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

interface Person {
  id: string;
  name: string;
  email: string;
}

/** One escalation as stored, with the names of what it is about; the use-cases add the rest. */
export interface EscalationRow {
  id: string;
  entitlementId: string;
  tenant: { id: string; name: string };
  customer: { id: string; name: string };
  service: { id: string; name: string };
  group: string;
  l1: string;
  l2: string;
  state: EscalationState;
  message: string;
  rule: "target_slipped" | "blocked_too_long" | null;
  /** A rule's message values, to say it in a reader's language (never answered); null for a person's. */
  ruleValues: unknown;
  dueOn: string;
  openedAt: string;
  openedBy: Person | null;
  acknowledgedAt: string | null;
  acknowledgedBy: Person | null;
  closedAt: string | null;
  closedBy: Person | null;
  declineReason: string | null;
  comments: number;
  version: number;
}

const person = (alias: string) =>
  sql.raw(
    `case when ${alias}.id is null then null else json_build_object('id', ${alias}.id::text, 'name', ${alias}.name, 'email', ${alias}.email) end`,
  );

const rowColumns = sql`x.id::text as id, x.entitlement_id::text as "entitlementId",
  json_build_object('id', t.id::text, 'name', t.name) as tenant,
  json_build_object('id', c.id::text, 'name', c.name) as customer,
  json_build_object('id', s.id, 'name', s.name) as service,
  x.group_name as "group", x.l1, x.l2, x.state, x.message, x.rule,
  x.rule_values as "ruleValues", x.due_on::text as "dueOn",
  ${iso("x.opened_at")} as "openedAt", ${person("ob")} as "openedBy",
  ${iso("x.acknowledged_at")} as "acknowledgedAt", ${person("ab")} as "acknowledgedBy",
  ${iso("x.closed_at")} as "closedAt", ${person("cb")} as "closedBy", x.decline_reason as "declineReason",
  (select count(*)::int from escalation_events ev where ev.escalation_id = x.id and ev.kind = 'commented') as comments,
  x.version`;

const rowJoins = sql`from escalations x
  join entitlements e on e.id = x.entitlement_id
  join tenants t on t.id = e.tenant_id
  join customers c on c.id = t.customer_id
  join services s on s.id = e.service_id
  left join users ob on ob.id = x.opened_by
  left join users ab on ab.id = x.acknowledged_by
  left join users cb on cb.id = x.closed_by`;

export interface NewEscalation {
  entitlementId: string;
  group: string;
  l1: string;
  l2: string;
  message: string;
  rule: "target_slipped" | "blocked_too_long" | null;
  /** A rule's message values (docs/I18N.md); null for a person's message. */
  ruleValues: RuleValues | null;
  spellStart: string | null;
  dueOn: string;
  openedBy: string | null;
  at: Date;
}

/**
 * Opens an escalation and writes its "opened" event. Answers null, writing
 * nothing, when a unique index says it exists already: a rule's escalation of
 * the same Blocked spell, or a person's that still waits on the same group.
 */
export async function insertEscalation(db: Db, input: NewEscalation): Promise<string | null> {
  const at = input.at.toISOString();
  const [row] = await rowsOf<{ id: string }>(
    db,
    sql`insert into escalations (entitlement_id, group_name, l1, l2, message, rule, rule_values, spell_start,
          due_on, opened_by, opened_at, updated_at)
        values (${input.entitlementId}::uuid, ${input.group}, ${input.l1}, ${input.l2}, ${input.message},
          ${input.rule}, ${input.ruleValues ? JSON.stringify(input.ruleValues) : null}::jsonb, ${input.spellStart}::timestamptz, ${input.dueOn}::date, ${input.openedBy}::uuid,
          ${at}::timestamptz, ${at}::timestamptz)
        on conflict do nothing
        returning id::text as id`,
  );
  if (!row) return null;
  await appendEscalationEvent(db, {
    escalationId: row.id,
    entitlementId: input.entitlementId,
    at: input.at,
    actorId: input.openedBy,
    kind: "opened",
    text: input.message,
  });
  return row.id;
}

export async function appendEscalationEvent(
  db: Db,
  event: {
    escalationId: string;
    entitlementId: string;
    at: Date;
    actorId: string | null;
    kind: EscalationEvent["kind"];
    text: string;
  },
): Promise<void> {
  await db.execute(
    sql`insert into escalation_events (escalation_id, entitlement_id, at, actor_id, kind, text)
        values (${event.escalationId}::uuid, ${event.entitlementId}::uuid, ${event.at.toISOString()}::timestamptz,
          ${event.actorId}::uuid, ${event.kind}, ${event.text})`,
  );
}

export async function findEscalationRow(db: Db, id: string): Promise<EscalationRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await rowsOf<EscalationRow>(
    db,
    sql`select ${rowColumns} ${rowJoins} where x.id = ${id}::uuid`,
  );
  return row ?? null;
}

/** The waiting escalation a person opened for this entitlement and group, if any. */
export async function findActiveEscalationId(
  db: Db,
  entitlementId: string,
  group: string,
): Promise<string | null> {
  const [row] = await rowsOf<{ id: string }>(
    db,
    sql`select id::text as id from escalations where entitlement_id = ${entitlementId}::uuid
          and group_name = ${group} and rule is null and state in ('open', 'acknowledged')`,
  );
  return row?.id ?? null;
}

export interface EscalationQuery {
  /** Tenants whose escalations the reader sees; escalations of `memberOf` groups are seen regardless. */
  scope: TenantScope;
  memberOf: readonly string[];
  group?: string | undefined;
  states?: readonly string[] | undefined;
  /** Only these groups (the reader's own, for "mine"). */
  groups?: readonly string[] | undefined;
  entitlementId?: string | undefined;
  limit: number;
}

/** A page of escalations the reader may see: waiting ones first, soonest due first; then the closed, newest first. */
export async function listEscalationRows(
  db: Db,
  query: EscalationQuery,
): Promise<{ rows: EscalationRow[]; total: number }> {
  const where = escalationConditions(query);
  const [rows, [count]] = await Promise.all([
    rowsOf<EscalationRow>(
      db,
      sql`select ${rowColumns} ${rowJoins} where ${where}
          order by (x.state in ('open', 'acknowledged')) desc,
            case when x.state in ('open', 'acknowledged') then x.due_on end asc,
            x.opened_at desc, x.id
          limit ${query.limit}`,
    ),
    rowsOf<{ total: number }>(db, sql`select count(*)::int as total ${rowJoins} where ${where}`),
  ]);
  return { rows, total: count?.total ?? 0 };
}

function escalationConditions(query: EscalationQuery): SQL {
  const conditions: SQL[] = [];
  const inScope = tenantScopeCondition(query.scope, { id: sql`t.id`, customerId: sql`t.customer_id` });
  if (inScope) conditions.push(sql`(${inScope} or x.group_name = any(${textArray(query.memberOf)}::text[]))`);
  if (query.group !== undefined) conditions.push(sql`x.group_name = ${query.group}`);
  if (query.groups !== undefined)
    conditions.push(sql`x.group_name = any(${textArray(query.groups)}::text[])`);
  if (query.states !== undefined) conditions.push(sql`x.state = any(${textArray(query.states)}::text[])`);
  if (query.entitlementId !== undefined) {
    conditions.push(
      isUuid(query.entitlementId) ? sql`x.entitlement_id = ${query.entitlementId}::uuid` : sql`false`,
    );
  }
  return conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`true`;
}

/** A text[] literal: each element quoted, so names with commas, quotes or braces stay whole. */
export function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
}

/**
 * Moves an escalation to `to` if it is still at `version` and in one of the
 * `from` states (compare-and-set), stamping who and when. False: it moved on.
 */
export async function changeEscalationState(
  db: Db,
  change: {
    id: string;
    version: number;
    from: readonly EscalationState[];
    to: EscalationState;
    actorId: string | null;
    at: Date;
    reason: string | null;
  },
): Promise<boolean> {
  const at = change.at.toISOString();
  const acknowledging = change.to === "acknowledged";
  const closing = change.to === "resolved" || change.to === "declined";
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`update escalations set state = ${change.to}, version = version + 1, updated_at = ${at}::timestamptz,
          acknowledged_at = case when ${acknowledging}::boolean then ${at}::timestamptz else acknowledged_at end,
          acknowledged_by = case when ${acknowledging}::boolean then ${change.actorId}::uuid else acknowledged_by end,
          closed_at = case when ${closing}::boolean then ${at}::timestamptz else closed_at end,
          closed_by = case when ${closing}::boolean then ${change.actorId}::uuid else closed_by end,
          decline_reason = case when ${change.to === "declined"}::boolean then ${change.reason} else decline_reason end
        where id = ${change.id}::uuid and version = ${change.version} and state = any(${textArray(change.from)}::text[])
        returning id::text as id`,
  );
  return rows.length > 0;
}

/** An escalation's events, in order. */
export async function escalationEventsOf(db: Db, escalationId: string): Promise<EscalationEvent[]> {
  return rowsOf<EscalationEvent>(
    db,
    sql`select ev.id::int as id, ${iso("ev.at")} as at, ev.kind, ev.text, ${person("u")} as actor
        from escalation_events ev left join users u on u.id = ev.actor_id
       where ev.escalation_id = ${escalationId}::uuid order by ev.id`,
  );
}

export interface EscalationHistoryRow {
  id: number;
  escalationId: string;
  at: string;
  kind: EscalationEvent["kind"];
  group: string;
  l1: string;
  l2: string;
  rule: EscalationRow["rule"];
  ruleValues: unknown;
  text: string;
  actor: { name: string; email: string } | null;
}

/** Every event of every escalation of an entitlement, newest first: its part of the entitlement's history. */
export async function escalationHistoryOf(db: Db, entitlementId: string): Promise<EscalationHistoryRow[]> {
  if (!isUuid(entitlementId)) return [];
  return rowsOf<EscalationHistoryRow>(
    db,
    sql`select ev.id::int as id, ev.escalation_id::text as "escalationId", ${iso("ev.at")} as at, ev.kind,
          x.group_name as "group", x.l1, x.l2, x.rule, x.rule_values as "ruleValues", ev.text,
          case when u.id is null then null else json_build_object('name', u.name, 'email', u.email) end as actor
        from escalation_events ev
        join escalations x on x.id = ev.escalation_id
        left join users u on u.id = ev.actor_id
       where ev.entitlement_id = ${entitlementId}::uuid
       order by ev.at desc, ev.id desc`,
  );
}

/** What opening an escalation needs to know of its entitlement. */
export interface EscalationTarget {
  id: string;
  stage: "assignment" | "delivery";
  serviceId: string;
  serviceName: string;
  tenantName: string;
  segments: { l1: string; l2: string | null }[];
}

export async function escalationTarget(db: Db, entitlementId: string): Promise<EscalationTarget | null> {
  if (!isUuid(entitlementId)) return null;
  const [row] = await rowsOf<EscalationTarget>(
    db,
    sql`select e.id::text as id, e.stage, e.service_id as "serviceId", s.name as "serviceName", t.name as "tenantName",
          coalesce((select json_agg(json_build_object('l1', g.l1, 'l2', g.l2) order by g.position)
                      from status_segments g where g.entitlement_id = e.id), '[]'::json) as segments
        from entitlements e join services s on s.id = e.service_id join tenants t on t.id = e.tenant_id
       where e.id = ${entitlementId}::uuid`,
  );
  return row ?? null;
}
