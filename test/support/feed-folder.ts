import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Feed files by name (customers, tenants, ...) with their text; the extension says the format. */
export type FeedTexts = Record<string, string>;

/** The folders this test file made, under one parent: removeFeedFolders() deletes them. */
let parent: string | null = null;

/** Writes feed files into a fresh folder and returns it. */
export function feedFolder(files: FeedTexts): string {
  parent ??= mkdtempSync(join(tmpdir(), "unblock-feeds-"));
  const folder = mkdtempSync(join(parent, "feed-"));
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(folder, name.includes(".") ? name : `${name}.csv`), text);
  }
  return folder;
}

/** Deletes every folder feedFolder made (for a test file's afterAll). */
export function removeFeedFolders(): void {
  if (parent) rmSync(parent, { recursive: true, force: true });
  parent = null;
}

export interface GeneratedFeed {
  customers: string;
  tenants: string;
  entitlements: string;
  usage: string;
}

/**
 * A portfolio of `tenants` tenants (two per customer), each with the given
 * services and `usagePoints` monthly usage rows per service. `skip` leaves
 * tenants out (by number), as a truncated export would.
 */
export function generatedFeed(
  tenants: number,
  options: { services?: string[]; usagePoints?: number; skip?: ReadonlySet<number>; seats?: number } = {},
): GeneratedFeed {
  const services = options.services ?? ["exchange", "teams"];
  const customers = ["customer_key,name,segment"];
  const tenantRows = ["tenant_id,customer_key,name,domain"];
  const entitlements = ["tenant_id,service,available_seats"];
  const usage = ["tenant_id,service,date,active_seats"];
  for (let n = 0; n < tenants; n += 1) {
    const customer = `C-${Math.floor(n / 2)}`;
    if (n % 2 === 0) customers.push(`${customer},Customer ${Math.floor(n / 2)},Enterprise`);
    if (options.skip?.has(n)) continue;
    const tenant = `T-${n}`;
    tenantRows.push(`${tenant},${customer},Tenant ${n},tenant-${n}.example`);
    for (const service of services) {
      entitlements.push(`${tenant},${service},${options.seats ?? 100 + n}`);
      for (let month = 1; month <= (options.usagePoints ?? 0); month += 1) {
        usage.push(`${tenant},${service},2025-${String(month).padStart(2, "0")}-01,${month * 3}`);
      }
    }
  }
  const text = (lines: string[]) => `${lines.join("\n")}\n`;
  return {
    customers: text(customers),
    tenants: text(tenantRows),
    entitlements: text(entitlements),
    usage: text(usage),
  };
}
