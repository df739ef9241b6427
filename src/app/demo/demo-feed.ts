import { createWriteStream, type WriteStream } from "node:fs";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import type { PortfolioBatch } from "../../db/repositories/portfolio-repository.ts";
import type { IsoDate } from "../../domain/status-segment.ts";
import type { DemoUser } from "./demo-users.ts";

/** Monthly usage points the demo feed gives each entitlement. */
export const demoUsagePoints = 4;

/**
 * Writes the generated portfolio as the licensing system would export it:
 * customers, tenants (keyed by the generator's tenant id), entitlements,
 * people (the demo users' assignments) and monthly usage. The statuses are
 * not part of a feed; seedDemo writes them once the feed is synced.
 */
export async function writeDemoFeed(
  folder: string,
  batches: Iterable<PortfolioBatch>,
  options: { today: IsoDate; usersById: ReadonlyMap<string, DemoUser> },
): Promise<void> {
  const files = {
    customers: open(folder, "customers", "customer_key,name,segment"),
    tenants: open(folder, "tenants", "tenant_id,customer_key,name,domain"),
    entitlements: open(folder, "entitlements", "tenant_id,service,available_seats"),
    people: open(folder, "people", "email,name,role,customer_key,tenant_id"),
    usage: open(folder, "usage", "tenant_id,service,date,active_seats"),
  };
  const months = usageMonths(options.today);
  for (const batch of batches) {
    const customerKeys = new Map(batch.customers.map((customer) => [customer.id, customer.externalId]));
    for (const customer of batch.customers) {
      files.customers.write(line(customer.externalId, customer.name, segmentOf(customer.externalId)));
    }
    for (const tenant of batch.tenants) {
      files.tenants.write(line(tenant.id, customerKeys.get(tenant.customerId)!, tenant.name, tenant.domain));
    }
    const firstL1 = new Map(
      batch.segments.filter((s) => s.position === 0).map((s) => [s.entitlementId, s.l1]),
    );
    for (const entitlement of batch.entitlements) {
      files.entitlements.write(
        line(entitlement.tenantId, entitlement.serviceId, String(entitlement.availableSeats)),
      );
      const shares = usageShares(entitlement.id, firstL1.get(entitlement.id) ?? null);
      months.forEach((date, position) => {
        const active = Math.round((entitlement.availableSeats * shares[position]!) / 100);
        files.usage.write(line(entitlement.tenantId, entitlement.serviceId, date, String(active)));
      });
    }
    for (const assignment of batch.assignments) {
      const user = options.usersById.get(assignment.userId);
      if (!user) continue;
      const customerKey = assignment.customerId ? customerKeys.get(assignment.customerId)! : "";
      files.people.write(line(user.email, user.name, user.role, customerKey, assignment.tenantId ?? ""));
    }
  }
  await Promise.all(
    Object.values(files).map((stream) => {
      stream.end();
      return finished(stream);
    }),
  );
}

function open(folder: string, name: string, header: string): WriteStream {
  const stream = createWriteStream(join(folder, `${name}.csv`));
  stream.write(`${header}\n`);
  return stream;
}

/** A CSV line; generated names and keys hold no quote, but a comma is quoted. */
function line(...cells: string[]): string {
  return `${cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(",")}\n`;
}

const segments = ["Enterprise", "Enterprise", "Corporate", "SMB", "Public Sector", "Education"];

function segmentOf(key: string): string {
  return segments[hash(key) % segments.length]!;
}

/** The first day of each of the last `demoUsagePoints` months, oldest first. */
function usageMonths(today: IsoDate): IsoDate[] {
  const [year, month] = today.split("-").map(Number) as [number, number];
  return Array.from({ length: demoUsagePoints }, (_, back) => {
    const date = new Date(Date.UTC(year, month - 1 - (demoUsagePoints - 1 - back), 1));
    return date.toISOString().slice(0, 10);
  });
}

/**
 * Percent of the seats active, month by month, telling the same story as the
 * status: little use while Blocked or without intent, rising while In
 * Progress, most seats once adopted. One entitlement in twenty says
 * otherwise, so the usage flags have something to show.
 */
function usageShares(id: string, l1: string | null): number[] {
  const h = hash(id);
  const odd = h % 20 === 0;
  const halted = l1 === "blocked" || l1 === "no_intent" || l1 === "duplicate_invalid";
  const end = odd
    ? halted
      ? 40 + (h % 40)
      : 0
    : halted
      ? h % 8
      : l1 === "in_progress"
        ? 10 + (h % 50)
        : 20 + (h % 75);
  const start = l1 === "in_progress" && !odd ? Math.max(1, Math.round(end / 4)) : end;
  return Array.from({ length: demoUsagePoints }, (_, n) =>
    Math.round(start + ((end - start) * n) / (demoUsagePoints - 1)),
  );
}

/** FNV-1a: a stable small hash of a key, so the same portfolio gets the same usage. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
