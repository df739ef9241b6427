import type { BulkSession, Database } from "../client.ts";
import { copyBytes } from "../infra/copy-text.ts";
import { type PortfolioBatch, prepareCopy, type SegmentRow } from "./portfolio-repository.ts";

/**
 * The demo's statuses, written onto the portfolio its feed synced: the
 * generated entitlements are found by tenant key (the generator's tenant id,
 * which the feed gave as tenant_id) and service, take their generated stage,
 * version and last change, and get their segments and a year of history.
 * What a feed does not carry is set too: tenant priorities, and the demo FMs
 * primary on their customers. One transaction; the segment triggers keep the
 * summaries and report cells as a status write would.
 */
export async function writeDemoStatuses(
  database: Database,
  batches: readonly PortfolioBatch[],
): Promise<void> {
  await database.bulkLoad(async (session) => {
    const synced = await syncedEntitlements(session);
    const idOf = new Map<string, string>();
    for (const batch of batches) {
      for (const entitlement of batch.entitlements) {
        const id = synced.get(`${entitlement.tenantId}|${entitlement.serviceId}`);
        if (!id)
          throw new Error(
            `The demo feed did not make ${entitlement.serviceId} of tenant ${entitlement.tenantId}.`,
          );
        idOf.set(entitlement.id, id);
      }
    }
    const all = <K extends keyof PortfolioBatch>(key: K): PortfolioBatch[K] =>
      batches.flatMap((batch) => batch[key] as unknown[]) as PortfolioBatch[K];
    await copyTemp(
      session,
      "demo_status (id uuid, stage text, version integer, updated_at timestamptz, updated_by uuid)",
      all("entitlements").map((e) => ({
        id: idOf.get(e.id),
        stage: e.stage,
        version: e.version,
        at: e.updatedAt,
        by: e.updatedBy,
      })),
    );
    await session.execute(
      `update entitlements e set stage = d.stage, version = d.version, updated_at = d.updated_at, updated_by = d.updated_by
       from demo_status d where e.id = d.id`,
    );
    const segments = all("segments").map(
      (s) => Object.assign({}, s, { entitlementId: idOf.get(s.entitlementId)! }) as SegmentRow,
    );
    const history = all("history").map((h) =>
      Object.assign({}, h, { entitlementId: idOf.get(h.entitlementId)! }),
    );
    for (const copy of [prepareCopy("status_segments", segments), prepareCopy("status_history", history)]) {
      if (copy) await session.copy(copy.table, copy.columns, copy.data);
    }
    await copyTemp(
      session,
      "demo_priority (external_id text, priority text)",
      all("tenants").map((t) => ({ key: t.id, priority: t.priority })),
    );
    await session.execute(
      "update tenants t set priority = p.priority from demo_priority p where t.external_id = p.external_id",
    );
    await markPrimaries(session, batches);
  });
  await database.execute(
    "analyze customers, tenants, entitlements, status_segments, status_history, assignments, usage_points",
  );
}

async function syncedEntitlements(session: BulkSession): Promise<Map<string, string>> {
  const { rows } = await session.execute(
    `select e.id, t.external_id, e.service_id from entitlements e join tenants t on t.id = e.tenant_id
     where t.external_id is not null`,
  );
  return new Map(rows.map((row) => [`${String(row.external_id)}|${String(row.service_id)}`, String(row.id)]));
}

/** A feed's assignments are never primary; the demo's customer FMs are, as an Admin would mark them. */
async function markPrimaries(session: BulkSession, batches: readonly PortfolioBatch[]): Promise<void> {
  const rows = batches.flatMap((batch) => {
    const keys = new Map(batch.customers.map((customer) => [customer.id, customer.externalId]));
    return batch.assignments
      .filter((a) => a.primary === 1 && a.customerId)
      .map((a) => ({ userId: a.userId, key: keys.get(a.customerId!)! }));
  });
  await copyTemp(session, "demo_primary (user_id uuid, customer_key text)", rows);
  await session.execute(
    `update assignments a set is_primary = 1 from demo_primary p join customers c on c.external_id = p.customer_key
     where a.user_id = p.user_id and a.customer_id = c.id`,
  );
}

/** A temporary table of the transaction, filled with COPY (the columns in the order of each row's keys). */
async function copyTemp(session: BulkSession, definition: string, rows: readonly Record<string, unknown>[]) {
  const table = definition.slice(0, definition.indexOf(" "));
  await session.execute(`create temporary table ${definition} on commit drop`);
  const first = rows[0];
  if (!first) return;
  const columns = definition
    .slice(definition.indexOf("(") + 1, -1)
    .split(",")
    .map((column) => column.trim().split(" ")[0]!);
  await session.copy(table, columns, copyBytes(rows, Object.keys(first)));
}
