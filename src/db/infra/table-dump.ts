import type { BulkSession } from "../client.ts";

/** Rows read or written per statement: a page of row texts, never a whole table in memory. */
const pageRows = 2_000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The application's tables (schema public) in an order that loads them
 * without breaking a foreign key: every table after the tables it refers to.
 */
export async function tablesInLoadOrder(session: Pick<BulkSession, "execute">): Promise<string[]> {
  const { rows: tables } = await session.execute(
    "select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname",
  );
  const { rows: references } = await session.execute(
    `select c.relname as child, p.relname as parent from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`,
  );
  const parents = new Map<string, Set<string>>();
  for (const { name } of tables) parents.set(String(name), new Set());
  for (const { child, parent } of references) parents.get(String(child))?.add(String(parent));
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < parents.size) {
    const ready = [...parents].filter(
      ([name, needs]) => !placed.has(name) && [...needs].every((p) => placed.has(p)),
    );
    if (ready.length === 0) throw new Error("The tables' foreign keys form a cycle: no load order exists.");
    for (const [name] of ready) {
      ordered.push(name);
      placed.add(name);
    }
  }
  return ordered;
}

/**
 * Reads every row of a table as PostgreSQL's text of the row (a composite
 * literal: every type round-trips through it exactly), a page at a time
 * from a cursor, in the transaction of `session`.
 */
export async function dumpTableRows(
  session: Pick<BulkSession, "execute">,
  table: string,
  onPage: (rows: string[]) => Promise<void>,
): Promise<number> {
  const cursor = `dump_${table}`;
  const { rows: keys } = await session.execute(
    `select a.attname as name from pg_index i
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = $1::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)`,
    [quote(table)],
  );
  // Rows in key order, so two backups of the same data are the same file whatever the pages held.
  const order = keys.length > 0 ? keys.map((key) => `t.${quote(String(key.name))}`).join(", ") : "t::text";
  await session.execute(
    `declare ${quote(cursor)} no scroll cursor for select t::text as r from ${quote(table)} t order by ${order}`,
  );
  let count = 0;
  for (;;) {
    const { rows } = await session.execute(`fetch ${pageRows} from ${quote(cursor)}`);
    if (rows.length === 0) break;
    count += rows.length;
    await onPage(rows.map((row) => String(row.r)));
  }
  await session.execute(`close ${quote(cursor)}`);
  return count;
}

/** Inserts row texts written by dumpTableRows into the same table of the same schema version. */
export async function loadTableRows(
  session: Pick<BulkSession, "execute">,
  table: string,
  rows: readonly string[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += pageRows) {
    await session.execute(
      `insert into ${quote(table)} select (r::${quote(table)}).* from unnest($1::text[]) as r`,
      [rows.slice(start, start + pageRows)],
    );
  }
}

/**
 * Turns the tables' own triggers off or on (the history's append-only guard,
 * the report aggregates kept by triggers): restored rows are what the
 * triggers made once, and must not be counted twice. Foreign keys stay on.
 */
export async function setUserTriggers(
  session: Pick<BulkSession, "execute">,
  tables: readonly string[],
  enabled: boolean,
): Promise<void> {
  for (const table of tables) {
    await session.execute(`alter table ${quote(table)} ${enabled ? "enable" : "disable"} trigger user`);
  }
}

/** Moves every sequence of the public schema past the largest value its column holds. */
export async function resetSequences(session: Pick<BulkSession, "execute">): Promise<void> {
  const { rows } = await session.execute(
    `select s.relname as sequence, t.relname as "table", a.attname as "column"
       from pg_class s join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i')
       join pg_class t on t.oid = d.refobjid join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
       join pg_namespace n on n.oid = s.relnamespace
      where s.relkind = 'S' and n.nspname = 'public'`,
  );
  for (const row of rows) {
    const sequence = quote(String(row.sequence));
    await session.execute(
      `select setval('${sequence.replaceAll("'", "''")}', coalesce((select max(${quote(String(row.column))}) from ${quote(String(row.table))}), 0) + 1, false)`,
    );
  }
}

/** How many committed migrations the database has run (drizzle's own table), 0 for a fresh one. */
export async function appliedMigrations(session: Pick<BulkSession, "execute">): Promise<number> {
  const { rows } = await session.execute(
    "select to_regclass('drizzle.__drizzle_migrations') is not null as present",
  );
  if (rows[0]?.present !== true) return 0;
  const counted = await session.execute("select count(*)::int as n from drizzle.__drizzle_migrations");
  return Number(counted.rows[0]?.n ?? 0);
}

/** Whether any application table holds a row. */
export async function holdsAnyRow(
  session: Pick<BulkSession, "execute">,
  tables: readonly string[],
): Promise<boolean> {
  for (const table of tables) {
    const { rows } = await session.execute(`select exists (select 1 from ${quote(table)}) as found`);
    if (rows[0]?.found === true) return true;
  }
  return false;
}
