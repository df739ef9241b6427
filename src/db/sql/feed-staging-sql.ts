import type { FeedFileName } from "../../domain/feed/feed-files.ts";
import type { BulkSession } from "../client.ts";
import { copyBytes } from "../infra/copy-text.ts";

/**
 * The portfolio feed's staging: temporary tables the files are copied into
 * (dropped with the sync's transaction), and the checks that need more than
 * one row or the stored portfolio (duplicate keys, unknown references), each
 * one set-based statement marking the rows it refuses.
 */

/** Staging columns per file, in COPY order; `row` and `ok` lead every table. */
export const stagingColumns: Record<FeedFileName, readonly string[]> = {
  customers: ["row", "ok", "customer_key", "name", "segment", "country"],
  tenants: ["row", "ok", "tenant_key", "customer_key", "name", "domain", "country"],
  entitlements: [
    "row",
    "ok",
    "tenant_key",
    "service_id",
    "available_seats",
    "purchased_seats",
    "start_date",
    "end_date",
  ],
  people: ["row", "ok", "email", "name", "role_id", "customer_key", "tenant_key"],
  usage: ["row", "ok", "tenant_key", "service_id", "date", "active_seats"],
};

const stagingTypes: Record<string, string> = {
  row: "integer",
  ok: "boolean",
  available_seats: "integer",
  purchased_seats: "integer",
  active_seats: "integer",
  start_date: "date",
  end_date: "date",
  date: "date",
};

/** Temporary tables for every file, dropped with the transaction. */
export async function createStaging(session: BulkSession): Promise<void> {
  for (const [file, columns] of Object.entries(stagingColumns)) {
    const definitions = columns.map((column) => `${column} ${stagingTypes[column] ?? "text"}`).join(", ");
    await session.execute(`create temporary table feed_${file} (${definitions}) on commit drop`);
  }
}

/** Copies one batch of staged rows (keys of `stagingColumns[file]`). */
export async function stageRows(
  session: BulkSession,
  file: FeedFileName,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = stagingColumns[file];
  await session.copy(`feed_${file}`, columns, copyBytes(rows, columns));
}

/** Indexes the staged keys once loaded, so the checks and upserts join by index at any size. */
export async function indexStaging(session: BulkSession): Promise<void> {
  await session.execute("create index on feed_customers (customer_key)");
  await session.execute("create index on feed_tenants (tenant_key)");
  await session.execute("create index on feed_tenants (customer_key)");
  await session.execute("create index on feed_entitlements (tenant_key, service_id)");
  await session.execute("create index on feed_people (email)");
  await session.execute("create index on feed_usage (tenant_key, service_id, date)");
  for (const file of Object.keys(stagingColumns)) await session.execute(`analyze feed_${file}`);
}

/** A row the checks below refused. */
export interface StagedRejection {
  file: FeedFileName;
  row: number;
  column: string | null;
  code: string;
  message: string;
}

interface Check {
  file: FeedFileName;
  column: string | null;
  code: string;
  /** Rows (of ok rows of the file, aliased s) the check refuses, with the message to show. */
  select: string;
}

/** Rows whose key an earlier valid row of the file has: numbered per key by a sort, not compared pairwise. */
const firstOfKey = (file: FeedFileName, key: string) =>
  `select row, 'The key ' || key || ' is on an earlier row as well.' as message
     from (select s.row, ${key} as key, row_number() over (partition by ${key} order by s.row) as n
             from feed_${file} s where s.ok) numbered
    where n > 1`;

/**
 * Checks between rows and against the stored portfolio, in dependency order:
 * a customer refused makes the tenants naming it unknown, and so on down.
 */
const checks: readonly Check[] = [
  {
    file: "customers",
    column: "customer_key",
    code: "key_duplicate",
    select: firstOfKey("customers", "s.customer_key"),
  },
  {
    file: "tenants",
    column: "tenant_id",
    code: "key_duplicate",
    select: firstOfKey("tenants", "s.tenant_key"),
  },
  { file: "tenants", column: "domain", code: "domain_duplicate", select: firstOfKey("tenants", "s.domain") },
  {
    file: "tenants",
    column: "customer_key",
    code: "customer_unknown",
    select: `select s.row, 'No customer ' || s.customer_key || ' in customers or stored.' as message
               from feed_tenants s
              where s.ok and not exists (select 1 from feed_customers c where c.ok and c.customer_key = s.customer_key)
                and not exists (select 1 from customers c where c.external_id = s.customer_key)`,
  },
  {
    file: "tenants",
    column: "domain",
    code: "domain_taken",
    select: `select s.row, 'The domain ' || s.domain || ' belongs to another tenant.' as message
               from feed_tenants s
              where s.ok and exists (select 1 from tenants t
                                      where lower(t.domain) = s.domain and t.external_id is distinct from s.tenant_key)`,
  },
  {
    file: "entitlements",
    column: "service",
    code: "key_duplicate",
    select: firstOfKey("entitlements", "(s.tenant_key || ' ' || s.service_id)"),
  },
  ...(["entitlements", "usage", "people"] as const).map(
    (file): Check => ({
      file,
      column: "tenant_id",
      code: "tenant_unknown",
      select: `select s.row, 'No tenant ' || s.tenant_key || ' in tenants or stored.' as message
                 from feed_${file} s
                where s.ok and s.tenant_key is not null
                  and not exists (select 1 from feed_tenants t where t.ok and t.tenant_key = s.tenant_key)
                  and not exists (select 1 from tenants t where t.external_id = s.tenant_key)`,
    }),
  ),
  {
    file: "usage",
    column: "date",
    code: "key_duplicate",
    select: firstOfKey("usage", "(s.tenant_key || ' ' || s.service_id || ' ' || s.date::text)"),
  },
  {
    file: "people",
    column: "customer_key",
    code: "customer_unknown",
    select: `select s.row, 'No customer ' || s.customer_key || ' in customers or stored.' as message
               from feed_people s
              where s.ok and s.customer_key is not null
                and not exists (select 1 from feed_customers c where c.ok and c.customer_key = s.customer_key)
                and not exists (select 1 from customers c where c.external_id = s.customer_key)`,
  },
  {
    file: "people",
    column: null,
    code: "key_duplicate",
    select: firstOfKey(
      "people",
      "(s.email || ' ' || coalesce(s.customer_key, '') || ' ' || coalesce(s.tenant_key, ''))",
    ),
  },
  {
    file: "people",
    column: "role",
    code: "role_conflict",
    select: `select s.row, s.email || ' is ' || u.role || ' in Unblock; the feed does not change roles.' as message
               from feed_people s join users u on u.email = s.email
              where s.ok and u.role <> s.role_id
             union all
             select s.row, s.email || ' has another role on an earlier row.' as message
               from feed_people s
              where s.ok and not exists (select 1 from users u where u.email = s.email)
                and exists (select 1 from feed_people d where d.ok and d.email = s.email and d.row < s.row
                              and d.role_id <> s.role_id)`,
  },
];

/** Runs the checks, marks refused rows not ok, and returns them. */
export async function checkStaged(session: BulkSession): Promise<StagedRejection[]> {
  const rejected: StagedRejection[] = [];
  for (const check of checks) {
    const { rows } = await session.execute(
      `with refused as (select distinct on (row) * from (${check.select}) x order by row),
            marked as (update feed_${check.file} s set ok = false from refused r where s.row = r.row)
       select row, message from refused order by row`,
    );
    for (const row of rows) {
      rejected.push({
        file: check.file,
        row: Number(row.row),
        column: check.column,
        code: check.code,
        message: String(row.message),
      });
    }
  }
  return rejected;
}
