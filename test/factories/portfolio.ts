import { randomUUID } from "node:crypto";
import type { Actor } from "../../src/app/app-deps.ts";
import type { Db } from "../../src/db/client.ts";
import { customers, entitlements, services, statusSegments, tenants, users } from "../../src/db/schema.ts";
import type { StoredSegment } from "../../src/http/schemas/entitlements.ts";
import { defaultPlaybook } from "../support/default-playbook.ts";

/**
 * Rows for tests, written straight to the tables (no rules run): a test states
 * only what matters to it and the factory fills unique names and keys.
 */

let counter = 0;
const unique = () => `${++counter}-${randomUUID().slice(0, 8)}`;

/** Makes sure the default playbook's services exist (entitlements reference them). */
export async function ensureServices(db: Db): Promise<void> {
  const rows = defaultPlaybook().serviceFamilies.flatMap((family) =>
    family.services.map((service) => ({
      id: service.id,
      name: service.name,
      code: service.code,
      family: family.id,
    })),
  );
  await db.insert(services).values(rows).onConflictDoNothing();
}

export async function createCustomer(db: Db, fields: { name?: string; externalId?: string } = {}) {
  const key = unique();
  const [row] = await db
    .insert(customers)
    .values({ name: fields.name ?? `Customer ${key}`, externalId: fields.externalId ?? `TP-${key}` })
    .returning();
  return row!;
}

export async function createTenant(
  db: Db,
  fields: { customerId?: string; name?: string; domain?: string; priority?: "high" | "medium" | "low" } = {},
) {
  const key = unique();
  const customerId = fields.customerId ?? (await createCustomer(db)).id;
  const [row] = await db
    .insert(tenants)
    .values({
      customerId,
      name: fields.name ?? `Tenant ${key}`,
      domain: fields.domain ?? `tenant-${key}.example`,
      priority: fields.priority ?? "medium",
    })
    .returning();
  return row!;
}

/** A segment as stored; omitted fields are empty, l1Since defaults to the insert time. */
export type SegmentSeed = Partial<StoredSegment> & { seats: number; l1: string };

export async function createEntitlement(
  db: Db,
  fields: {
    tenantId?: string;
    serviceId?: string;
    availableSeats?: number;
    stage?: "assignment" | "delivery";
    updatedAt?: Date;
    segments?: SegmentSeed[];
  } = {},
) {
  await ensureServices(db);
  const tenantId = fields.tenantId ?? (await createTenant(db)).id;
  const segments = fields.segments ?? [];
  const availableSeats = fields.availableSeats ?? (segments.reduce((sum, s) => sum + s.seats, 0) || 100);
  const [row] = await db
    .insert(entitlements)
    .values({
      tenantId,
      serviceId: fields.serviceId ?? "exchange",
      availableSeats,
      stage: fields.stage ?? "assignment",
      ...(fields.updatedAt ? { updatedAt: fields.updatedAt } : {}),
    })
    .returning();
  if (segments.length > 0) await putSegments(db, row!.id, segments);
  return row!;
}

/** Writes segments directly, bypassing the rules: for reports and lists that need a known portfolio. */
export async function putSegments(db: Db, entitlementId: string, segments: SegmentSeed[]): Promise<void> {
  await db.insert(statusSegments).values(
    segments.map((segment, position) => ({
      entitlementId,
      position,
      seats: segment.seats,
      l1: segment.l1,
      scenarioId: segment.scenarioId ?? `${segment.l1}_assignment`,
      l2: segment.l2 ?? null,
      l3: segment.l3 ?? null,
      serviceStatus: segment.serviceStatus ?? null,
      engagementScenario: segment.engagementScenario ?? null,
      targetDate: segment.targetDate ?? null,
      owner: segment.owner ?? null,
      note: segment.note ?? "",
      nextActionDate: segment.nextActionDate ?? null,
      nextAction: segment.nextAction ?? null,
      splitReason: segment.splitReason ?? null,
      ...(segment.l1Since ? { l1Since: new Date(segment.l1Since) } : {}),
    })),
  );
}

export async function createUser(
  db: Db,
  fields: { role?: string; name?: string; email?: string } = {},
): Promise<Actor> {
  const key = unique();
  const [row] = await db
    .insert(users)
    .values({
      email: fields.email ?? `user-${key}@example.test`,
      name: fields.name ?? `User ${key}`,
      role: fields.role ?? "assignment_fm",
    })
    .returning();
  return { id: row!.id, email: row!.email, name: row!.name, role: row!.role };
}
