import type { BulkSession, Database } from "../client.ts";

/**
 * Drops the non-unique indexes of `tables` inside a bulk load's transaction
 * and records each one's CREATE INDEX statement in deferred_indexes, in the
 * same transaction: the rows and the list of indexes still owed commit
 * together, or neither does. Primary keys and unique indexes stay: they guard
 * the data, and the segment summary triggers look segments up by entitlement
 * through one of them. Returns how many indexes were deferred.
 */
export async function deferSecondaryIndexes(
  session: BulkSession,
  tables: readonly string[],
): Promise<number> {
  const { rows } = await session.execute(
    `select i.indexrelid::regclass::text as name, t.relname as table_name,
            pg_get_indexdef(i.indexrelid) as definition
       from pg_index i join pg_class t on t.oid = i.indrelid
      where t.relnamespace = current_schema()::regnamespace and t.relname = any($1)
        and not i.indisunique and not i.indisprimary`,
    [tables],
  );
  for (const row of rows) {
    await session.execute(
      "insert into deferred_indexes (name, table_name, definition) values ($1, $2, $3) on conflict (name) do update set definition = excluded.definition, table_name = excluded.table_name",
      [row.name, row.table_name, row.definition],
    );
    await session.execute(`drop index ${String(row.name)}`);
  }
  return rows.length;
}

export interface FinishDeferredIndexesOptions {
  /**
   * Indexes built at once, each on its own connection (default: two on a
   * server, where the trigram index on notes alone takes as long as all the
   * b-trees together; one on PGlite, which has one connection).
   */
  lanes?: number;
  onIndex?: (name: string) => void;
}

/**
 * Builds every index in deferred_indexes. Each lane repeatedly takes the
 * costliest index left (GIN before b-tree, then the larger table first),
 * locking its row with SKIP LOCKED so that two processes finishing at once
 * never build the same index, and creates it in the transaction that deletes
 * the row: an index is either built and struck off, or still owed. An index
 * that fails to build is not tried again in this call and the rest are built;
 * then the first failure is thrown, its row still in the table for the next
 * start.
 */
export async function finishDeferredIndexes(
  database: Database,
  options: FinishDeferredIndexesOptions = {},
): Promise<number> {
  const lanes = Math.max(1, options.lanes ?? (database.kind === "postgres" ? 2 : 1));
  let built = 0;
  // Indexes whose build failed in this call: no other lane tries them again.
  const failed: string[] = [];
  const errors: unknown[] = [];
  const lane = async (): Promise<void> => {
    for (;;) {
      let taken: string | null = null;
      try {
        await database.bulkLoad(async (session) => {
          const { rows } = await session.execute(
            `select name, definition from deferred_indexes
              where name <> all($1::text[])
              order by definition ~* ' using gin ' desc,
                       coalesce(pg_relation_size(to_regclass(table_name)), 0) desc, name
              limit 1 for update skip locked`,
            [failed],
          );
          const next = rows[0];
          if (!next) return;
          taken = String(next.name);
          await session.execute("set local maintenance_work_mem = '256MB'");
          await session.execute(ifNotExists(String(next.definition)));
          await session.execute("delete from deferred_indexes where name = $1", [taken]);
        });
      } catch (error) {
        if (taken === null) throw error;
        failed.push(taken);
        errors.push(error);
        continue;
      }
      if (taken === null) return;
      built += 1;
      options.onIndex?.(taken);
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: lanes }, lane));
  const rejected = outcomes.find((outcome) => outcome.status === "rejected");
  if (rejected) throw rejected.reason;
  if (errors.length > 0) throw errors[0];
  return built;
}

/**
 * The statement with IF NOT EXISTS: when a migration that ran since has
 * created an index of that name, the migration's definition stands and the
 * owed one is struck off.
 */
function ifNotExists(definition: string): string {
  return definition.replace(/^CREATE (UNIQUE )?INDEX (?!IF NOT EXISTS )/i, "CREATE $1INDEX IF NOT EXISTS ");
}
