import { sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { services } from "../schema.ts";

export interface ServiceRow {
  id: string;
  name: string;
  code: string;
  family: string;
}

/**
 * Inserts or renames catalogue entries. Services the playbook no longer lists
 * stay: entitlements and history still refer to them.
 */
export async function upsertServices(db: Db, rows: readonly ServiceRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(services)
    .values([...rows])
    .onConflictDoUpdate({
      target: services.id,
      set: { name: sql`excluded.name`, code: sql`excluded.code`, family: sql`excluded.family` },
    });
}

export async function listServiceRows(db: Db): Promise<ServiceRow[]> {
  return db.select().from(services).orderBy(services.name);
}
