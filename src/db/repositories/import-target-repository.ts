import { and, inArray, sql } from "drizzle-orm";
import { entitlementKey } from "../../domain/csv/group-status-rows.ts";
import type { Stage } from "../../domain/playbook/playbook-schema.ts";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { Db } from "../client.ts";
import { entitlements, tenants } from "../schema.ts";
import { tenantScopeCondition } from "../sql/tenant-scope-sql.ts";
import type { LockedEntitlement } from "./entitlement-repository.ts";
import { segmentsOf } from "./segment-repository.ts";

/** Keeps each IN list well under the 65,535 bind parameters a statement may carry. */
const chunkSize = 5000;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += chunkSize)
    out.push(values.slice(start, start + chunkSize));
  return out;
}

export interface ImportTargets {
  /** Lower-cased domains of the tenants that exist. */
  tenantDomains: Set<string>;
  /** Entitlements by `entitlementKey(domain, serviceId)`, with their segments. */
  entitlements: Map<string, LockedEntitlement>;
}

/**
 * Everything an import file refers to, in a handful of queries however long
 * the file: the tenants by domain, their entitlements for the named services,
 * and those entitlements' segments. With `lock`, the entitlement rows are read
 * FOR UPDATE, so the status judged is the status overwritten (call in the
 * transaction that writes).
 */
export async function loadImportTargets(
  db: Db,
  input: { tenantDomains: readonly string[]; serviceIds: readonly string[]; lock: boolean },
): Promise<ImportTargets> {
  const domains = [...new Set(input.tenantDomains.map((domain) => domain.toLowerCase()))];
  const tenantRows: { id: string; domain: string }[] = [];
  for (const part of chunks(domains)) {
    tenantRows.push(
      ...(await db
        .select({ id: tenants.id, domain: sql<string>`lower(${tenants.domain})` })
        .from(tenants)
        .where(inArray(sql`lower(${tenants.domain})`, part))),
    );
  }
  const domainOf = new Map(tenantRows.map((row) => [row.id, row.domain]));
  const serviceIds = [...new Set(input.serviceIds)];
  const found = new Map<string, LockedEntitlement>();
  if (tenantRows.length === 0 || serviceIds.length === 0) {
    return { tenantDomains: new Set(domainOf.values()), entitlements: found };
  }

  const rows: (typeof entitlements.$inferSelect)[] = [];
  for (const part of chunks(tenantRows.map((row) => row.id))) {
    const query = db
      .select()
      .from(entitlements)
      .where(and(inArray(entitlements.tenantId, part), inArray(entitlements.serviceId, serviceIds)));
    rows.push(...(input.lock ? await query.for("update") : await query));
  }
  const segments = new Map<string, LockedEntitlement["segments"]>();
  for (const part of chunks(rows.map((row) => row.id))) {
    for (const [id, list] of await segmentsOf(db, part)) segments.set(id, list);
  }
  for (const row of rows) {
    found.set(entitlementKey(domainOf.get(row.tenantId) ?? "", row.serviceId), {
      id: row.id,
      serviceId: row.serviceId,
      stage: row.stage as Stage,
      availableSeats: row.availableSeats,
      version: row.version,
      segments: segments.get(row.id) ?? [],
    });
  }
  return { tenantDomains: new Set(domainOf.values()), entitlements: found };
}

/**
 * The lower-cased domains of the tenants an import names by their feed key
 * (`tenant_id`), among the tenants the scope shows: a key the importer may
 * not see reads as unknown, as a domain does.
 */
export async function loadTenantDomainsByKey(
  db: Db,
  input: { keys: readonly string[]; visibleTo: TenantScope },
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const scope = tenantScopeCondition(input.visibleTo, {
    id: sql`${tenants.id}`,
    customerId: sql`${tenants.customerId}`,
  });
  for (const part of chunks([...new Set(input.keys)])) {
    const rows = await db
      .select({ key: tenants.externalId, domain: sql<string>`lower(${tenants.domain})` })
      .from(tenants)
      .where(and(inArray(tenants.externalId, part), scope ?? undefined));
    for (const row of rows) if (row.key !== null) found.set(row.key, row.domain);
  }
  return found;
}
