import { createReadStream } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** The staging tables of the plain load: every column as text, as COPY reads the files. */
const staging = {
  customers: "customer_key text, name text, segment text, country text",
  tenants: "tenant_id text, customer_key text, name text, domain text",
  entitlements:
    "tenant_id text, service text, available_seats text, purchased_seats text, start_date text, end_date text",
  usage: "tenant_id text, service text, date text, active_seats text",
} as const;

/** Upserts from staging into the portfolio tables, each writing only rows that differ. */
const upserts = [
  `insert into customers (external_id, name, segment, country)
     select customer_key, name, segment, country from s_customers
   on conflict (external_id) do update set name = excluded.name, segment = excluded.segment, country = excluded.country
   where (customers.name, customers.segment, customers.country)
     is distinct from (excluded.name, excluded.segment, excluded.country)`,
  `insert into tenants (external_id, customer_id, name, domain)
     select s.tenant_id, c.id, s.name, s.domain from s_tenants s join customers c on c.external_id = s.customer_key
   on conflict (external_id) do update set customer_id = excluded.customer_id, name = excluded.name, domain = excluded.domain
   where (tenants.customer_id, tenants.name, tenants.domain)
     is distinct from (excluded.customer_id, excluded.name, excluded.domain)`,
  `create temp table s_service_keys as
     select id as key, id from services union select lower(name), id from services union select lower(code), id from services`,
  `insert into entitlements (tenant_id, service_id, available_seats, purchased_seats, start_date, end_date)
     select t.id, k.id, s.available_seats::int, s.purchased_seats::int, s.start_date::date, s.end_date::date
     from s_entitlements s join tenants t on t.external_id = s.tenant_id join s_service_keys k on k.key = lower(s.service)
   on conflict (tenant_id, service_id) do update set available_seats = excluded.available_seats,
     purchased_seats = excluded.purchased_seats, start_date = excluded.start_date, end_date = excluded.end_date
   where (entitlements.available_seats, entitlements.purchased_seats, entitlements.start_date, entitlements.end_date)
     is distinct from (excluded.available_seats, excluded.purchased_seats, excluded.start_date, excluded.end_date)`,
  `insert into usage_points (tenant_id, service_id, date, active_seats)
     select t.id, k.id, s.date::date, s.active_seats::int
     from s_usage s join tenants t on t.external_id = s.tenant_id join s_service_keys k on k.key = lower(s.service)
   on conflict (tenant_id, service_id, date) do update set active_seats = excluded.active_seats
   where usage_points.active_seats is distinct from excluded.active_seats`,
];

/**
 * The yardstick of the feed sync: the same files loaded by plain SQL into the
 * same tables and indexes, in one transaction: COPY into text staging tables,
 * then one INSERT ... ON CONFLICT per table. No row checks beyond the casts,
 * no report, no history: what a DBA would write by hand. Returns seconds.
 */
export async function loadFeedBySql(url: string, folder: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    await client.query("begin");
    for (const [file, columns] of Object.entries(staging)) {
      await client.query(`create temp table s_${file} (${columns}) on commit drop`);
      await pipeline(
        createReadStream(join(folder, `${file}.csv`)),
        client.query(copyFrom(`copy s_${file} from stdin with (format csv, header true)`)),
      );
      await client.query(`analyze s_${file}`);
    }
    for (const statement of upserts) await client.query(statement);
    await client.query("drop table s_service_keys");
    await client.query("commit");
    return (performance.now() - started) / 1000;
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    await client.end();
  }
}
