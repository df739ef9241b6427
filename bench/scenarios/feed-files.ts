import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { join } from "node:path";

export interface BenchFeedShape {
  tenants: number;
  /** Service ids each tenant is entitled to. */
  services: readonly string[];
  /** Monthly usage points per entitlement. */
  usagePoints: number;
  /** Share of entitlements (and their newest usage point) whose numbers differ from the base feed. */
  changedShare: number;
}

export interface BenchFeedRows {
  customers: number;
  tenants: number;
  entitlements: number;
  usage: number;
}

/** Writes lines to a file in large chunks, waiting when the stream asks to. */
async function writeLines(path: string, header: string, lines: () => Iterable<string>): Promise<number> {
  const out = createWriteStream(path);
  let chunk = `${header}\n`;
  let count = 0;
  for (const line of lines()) {
    chunk += `${line}\n`;
    count += 1;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
  return count;
}

/**
 * The licensing export of a generated portfolio as feed files: two tenants
 * per customer, every tenant entitled to every service, `usagePoints` monthly
 * points each. Streamed to disk, so 100,000 tenants (16.8M usage rows) never
 * sit in memory. The same shape with another `changedShare` changes the seats
 * and newest usage of that share of entitlements, spread over the portfolio.
 */
export async function writeBenchFeed(folder: string, shape: BenchFeedShape): Promise<BenchFeedRows> {
  const every = shape.changedShare > 0 ? Math.round(1 / shape.changedShare) : 0;
  const changed = (n: number, s: number) => every > 0 && (n * shape.services.length + s) % every === 0;
  const customers = await writeLines(
    join(folder, "customers.csv"),
    "customer_key,name,segment,country",
    function* () {
      for (let c = 0; c < Math.ceil(shape.tenants / 2); c += 1) yield `C-${c},Customer ${c},Enterprise,US`;
    },
  );
  const tenants = await writeLines(
    join(folder, "tenants.csv"),
    "tenant_id,customer_key,name,domain",
    function* () {
      for (let n = 0; n < shape.tenants; n += 1) yield `T-${n},C-${n >> 1},Tenant ${n},tenant-${n}.example`;
    },
  );
  const entitlements = await writeLines(
    join(folder, "entitlements.csv"),
    "tenant_id,service,available_seats,purchased_seats,start_date,end_date",
    function* () {
      for (let n = 0; n < shape.tenants; n += 1) {
        for (let s = 0; s < shape.services.length; s += 1) {
          const seats = 100 + ((n * 7 + s * 13) % 5000) + (changed(n, s) ? 1 : 0);
          yield `T-${n},${shape.services[s]},${seats},${seats},2025-01-01,2027-12-31`;
        }
      }
    },
  );
  const usage = await writeLines(
    join(folder, "usage.csv"),
    "tenant_id,service,date,active_seats",
    function* () {
      for (let n = 0; n < shape.tenants; n += 1) {
        for (let s = 0; s < shape.services.length; s += 1) {
          const service = shape.services[s];
          for (let month = 1; month <= shape.usagePoints; month += 1) {
            const last = month === shape.usagePoints && changed(n, s);
            yield `T-${n},${service},2025-${String(month).padStart(2, "0")}-01,${month * 3 + (last ? 1 : 0)}`;
          }
        }
      }
    },
  );
  return { customers, tenants, entitlements, usage };
}
