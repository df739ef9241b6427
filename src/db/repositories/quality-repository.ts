import { type SQL, sql } from "drizzle-orm";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { QualityFinding, QualityRuleId } from "../../domain/quality/quality-rules.ts";
import { qualityRuleIds } from "../../domain/quality/quality-rules.ts";
import type { Db } from "../client.ts";
import { rowsOf } from "../infra/raw-rows.ts";
import { type QualitySqlRules, qualityFindingsSql } from "../sql/quality-sql.ts";
import { tenantScopeCondition } from "../sql/tenant-scope-sql.ts";
import { uuidOrNobody } from "./assignment-repository.ts";

/** Which entitlements the queue reads: within a read scope, optionally one person's ("mine"). */
export interface QualityScope {
  visibleTo: TenantScope;
  /**
   * Only this person's items, as My work counts them: on tenants they are
   * assigned to (directly or through the customer), or on segments they own.
   */
  mineOf?: string | null;
}

export interface QualityQuery extends QualityScope, QualitySqlRules {
  /** Only items whose segment is owned by this team (a playbook role id). */
  team?: string | null;
  rule?: QualityRuleId | null;
  limit: number;
  offset: number;
}

export interface QualityItemRow {
  rule: QualityRuleId;
  entitlementId: string;
  version: number;
  position: number | null;
  date: string | null;
  data: QualityFinding["data"] | null;
  tenant: { id: string; name: string; domain: string };
  customer: { id: string; name: string };
  serviceId: string;
  segment: { l1: string; l2: string | null; seats: number } | null;
  owner: { kind: OwnerKind; userId: string | null; role: string | null; name: string | null };
}

export type OwnerKind = "person" | "team" | "text" | "none";

export interface OwnerCount {
  kind: OwnerKind;
  userId: string | null;
  role: string | null;
  name: string | null;
  count: number;
}

export interface QualityRows {
  total: number;
  byRule: Record<QualityRuleId, number>;
  byOwner: OwnerCount[];
  items: QualityItemRow[];
}

/** The entitlements in scope (not ended), with `assigned`: the person of mineOf is assigned to its tenant. */
export function scopedEntitlementsSql(scope: QualityScope): SQL {
  const visible = tenantScopeCondition(scope.visibleTo, { id: sql`t.id`, customerId: sql`t.customer_id` });
  const mine = scope.mineOf ? uuidOrNobody(scope.mineOf) : null;
  const assigned = mine
    ? sql`exists (select 1 from assignments ma where ma.user_id = ${mine}::uuid
        and (ma.tenant_id = t.id or ma.customer_id = t.customer_id))`
    : sql`false`;
  // A team's people are assigned to the tenant or customer, so assignments and person owners find them all.
  const candidates = mine
    ? sql`and e.id in (select ce.id from assignments ca join entitlements ce on ce.tenant_id = ca.tenant_id
          where ca.user_id = ${mine}::uuid
        union select ce.id from assignments ca join tenants ct on ct.customer_id = ca.customer_id
          join entitlements ce on ce.tenant_id = ct.id where ca.user_id = ${mine}::uuid
        union select cs.entitlement_id from status_segments cs where cs.owner_user_id = ${mine}::uuid)`
    : sql``;
  return sql`select e.id, e.version, e.tenant_id, t.customer_id, e.service_id, e.available_seats,
      e.updated_at, e.resplit_needed, ${assigned} as assigned
    from entitlements e join tenants t on t.id = e.tenant_id
    where e.ended_at is null ${visible ? sql`and ${visible}` : sql``} ${candidates}`;
}

const ruleRank = sql`case i.rule ${sql.join(
  qualityRuleIds.map((rule, rank) => sql`when ${rule} then ${rank}`),
  sql` `,
)} end`;

const ownerKind = sql`case when s.owner_user_id is not null then 'person' when s.owner_team is not null then 'team'
  when btrim(coalesce(s.owner, '')) <> '' then 'text' else 'none' end`;

/** The queue's items: counts by rule (all rules) and by owner, and one page, per the filters. */
export async function readQuality(db: Db, query: QualityQuery): Promise<QualityRows> {
  const mine = query.mineOf ? uuidOrNobody(query.mineOf) : null;
  const ownerFilter = [
    mine ? sql`(sc.assigned or s.owner_user_id = ${mine}::uuid)` : null,
    query.team ? sql`s.owner_team = ${query.team}` : null,
  ].filter((c): c is SQL => c !== null);
  const ruleFilter = query.rule ? sql`i.rule = ${query.rule}` : sql`true`;
  const [row] = await rowsOf<{ answer: QualityRows }>(
    db,
    sql`with scoped as materialized (${scopedEntitlementsSql(query)}),
    found as (${qualityFindingsSql(query)}),
    items as materialized (
      select f.entitlement_id, f.position, f.rule, f.date, f.data, sc.version, sc.tenant_id,
        sc.customer_id, sc.service_id, s.l1, s.l2, s.seats, s.owner_user_id, s.owner_team,
        s.owner as owner_text, ${ownerKind} as owner_kind
      from found f join scoped sc on sc.id = f.entitlement_id
      left join status_segments s on s.entitlement_id = f.entitlement_id and s.position = f.position
      ${ownerFilter.length > 0 ? sql`where ${sql.join(ownerFilter, sql` and `)}` : sql``}
    )
    select json_build_object(
      'total', (select count(*)::int from items i where ${ruleFilter}),
      'byRule', (select coalesce(json_object_agg(r.rule, r.n), '{}'::json)
        from (select i.rule, count(*)::int as n from items i group by i.rule) r),
      'byOwner', (select coalesce(json_agg(o order by o.count desc, o.name nulls last), '[]'::json) from (
        select i.owner_kind as kind, i.owner_user_id as "userId", i.owner_team as role,
          coalesce(max(ou.name), min(i.owner_text)) as name, count(*)::int as count
        from items i left join users ou on ou.id = i.owner_user_id
        where ${ruleFilter}
        group by i.owner_kind, i.owner_user_id, i.owner_team,
          case when i.owner_kind = 'text' then lower(btrim(i.owner_text)) end) o),
      'items', (select coalesce(json_agg(p order by p.place), '[]'::json) from (
        select row_number() over (order by ${ruleRank}, i.date nulls last, c.name, t.name, i.service_id,
            i.entitlement_id, i.position nulls first) as place, i.rule, i.entitlement_id as "entitlementId", i.version,
          i.position, i.date::text as date, i.data,
          json_build_object('id', t.id, 'name', t.name, 'domain', t.domain) as tenant,
          json_build_object('id', c.id, 'name', c.name) as customer, i.service_id as "serviceId",
          case when i.l1 is null then null else json_build_object('l1', i.l1, 'l2', i.l2, 'seats', i.seats) end
            as segment,
          json_build_object('kind', i.owner_kind, 'userId', i.owner_user_id, 'role', i.owner_team,
            'name', coalesce(ou.name, i.owner_text)) as owner
        from items i join tenants t on t.id = i.tenant_id join customers c on c.id = i.customer_id
        left join users ou on ou.id = i.owner_user_id
        where ${ruleFilter}
        order by place
        limit ${query.limit} offset ${query.offset}) p)
    ) as answer`,
  );
  const answer = row!.answer;
  const byRule = Object.fromEntries(qualityRuleIds.map((rule) => [rule, answer.byRule[rule] ?? 0]));
  return { ...answer, byRule: byRule as Record<QualityRuleId, number> };
}
