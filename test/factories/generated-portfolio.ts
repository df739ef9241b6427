import { randomUUID } from "node:crypto";
import type { Database } from "../../src/db/client.ts";
import {
  emptyBatch,
  loadPortfolio,
  type PortfolioBatch,
  type PreparedBatch,
  prepareBatch,
  type SegmentRow,
} from "../../src/db/repositories/portfolio-repository.ts";
import type { Stage } from "../../src/domain/playbook/playbook-schema.ts";
import type { StoredSegment } from "../../src/http/schemas/entitlements.ts";
import { defaultIndex } from "../support/default-playbook.ts";
import { ensureServices } from "./portfolio.ts";

/**
 * A varied portfolio for repository tests that need many rows (lists, reports,
 * bulk loads), written with COPY as a seed writes it (loadPortfolio). Built from
 * the default playbook's ids, with no rules run: every L1, L2s and L3s, split
 * segments, dates on both sides of `today`, notes (some say "onboarding"), a
 * few weeks of history per entitlement, and assignments of the users given.
 * The same seed gives the same portfolio, ids apart.
 */
export interface GeneratedPortfolioOptions {
  tenants: number;
  seed: number;
  /** The day the statuses were recorded on (YYYY-MM-DD). */
  today: string;
  /** Users assigned to one tenant in twelve (one user in two as primary) and one customer in fifteen, as a manager is to a few. */
  assignedUsers?: readonly string[];
}

export function generatedPortfolio(options: GeneratedPortfolioOptions): PreparedBatch[] {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const index = defaultIndex();
  const services = index.services().map((service) => service.id);
  const batch = emptyBatch();
  let customerId = "";
  for (let t = 0; t < options.tenants; t += 1) {
    if (t % 3 === 0) {
      customerId = randomUUID();
      batch.customers.push({ id: customerId, externalId: `TP-${options.seed}-${t}`, name: `Customer ${t}` });
      if (t % 45 === 0) assignUsers(batch, options.assignedUsers, { customerId, tenantId: null });
    }
    const tenantId = randomUUID();
    const priority = pick(["high", "medium", "low"] as const);
    batch.tenants.push({
      id: tenantId,
      customerId,
      name: `Tenant ${t}`,
      domain: `tenant-${t}.example`,
      priority,
    });
    if (t % 12 === 1) assignUsers(batch, options.assignedUsers, { customerId: null, tenantId });
    const count = 4 + Math.floor(random() * 3);
    const offered = [...services].sort(() => random() - 0.5).slice(0, count);
    for (const serviceId of offered)
      addEntitlement(batch, { tenantId, serviceId, random, pick, today: options.today });
  }
  return [prepareBatch(batch)];
}

/** Loads a generated portfolio into a migrated, empty test database. */
export async function loadGeneratedPortfolio(
  database: Database,
  options: GeneratedPortfolioOptions,
): Promise<void> {
  await ensureServices(database.db);
  await loadPortfolio(database, generatedPortfolio(options), { trustedIds: true, deferIndexes: true });
}

function assignUsers(
  batch: PortfolioBatch,
  users: readonly string[] | undefined,
  target: { customerId: string | null; tenantId: string | null },
): void {
  for (const [position, userId] of (users ?? []).entries()) {
    batch.assignments.push({ id: randomUUID(), userId, ...target, primary: position % 2 === 0 ? 1 : 0 });
  }
}

interface EntitlementPlan {
  tenantId: string;
  serviceId: string;
  random: () => number;
  pick: <T>(list: readonly T[]) => T;
  today: string;
}

function addEntitlement(batch: PortfolioBatch, plan: EntitlementPlan): void {
  const { random, pick, today } = plan;
  const id = randomUUID();
  const stage: Stage = random() < 0.5 ? "assignment" : "delivery";
  const availableSeats = 50 + Math.floor(random() * 5000);
  // One to four changes, the last in the week before today, the others up to ten weeks apart.
  const weeks = 1 + Math.floor(random() * 4);
  const daysBack = [Math.floor(random() * 7)];
  while (daysBack.length < weeks) daysBack.push(daysBack.at(-1)! + 7 + Math.floor(random() * 63));
  let before: StoredSegment[] = [];
  for (let week = weeks - 1; week >= 0; week -= 1) {
    const at = new Date(`${shiftDays(today, -daysBack[week]!)}T10:00:00.000Z`);
    const after = segmentsFor(plan, stage, availableSeats, at);
    batch.history.push({
      entitlementId: id,
      at,
      actorId: null,
      actorRole: pick(["assignment_fm", "delivery_fm", "account_team"]),
      source: "import",
      playbookVersion: defaultIndex().playbook.version,
      versionAfter: weeks - week,
      before: { stage, availableSeats, segments: before },
      after: { stage, availableSeats, segments: after },
    });
    before = after;
  }
  const updatedAt = batch.history.at(-1)!.at;
  batch.entitlements.push({
    id,
    tenantId: plan.tenantId,
    serviceId: plan.serviceId,
    availableSeats,
    stage,
    version: weeks + 1,
    updatedAt,
    updatedBy: null,
  });
  before.forEach((segment, position) => {
    // An id of our own: a volatile column default (gen_random_uuid) keeps COPY from freezing pages.
    const row: SegmentRow = { id: randomUUID(), ...segment, entitlementId: id, position };
    batch.segments.push(row);
  });
}

function segmentsFor(plan: EntitlementPlan, stage: Stage, seats: number, at: Date): StoredSegment[] {
  const split = plan.random() < 0.25 && seats > 1;
  const first = split ? Math.ceil(seats * (0.2 + plan.random() * 0.6)) : seats;
  const parts = split ? [first, seats - first] : [seats];
  return parts.map((part) => segmentOf(plan, stage, part, split ? "geography" : null, at));
}

const owners = ["Account Team", "Jordan Lee", "Sam Okafor", "Customer IT"];
const notes = [
  "Deploying; onboarding wave two of four.",
  "Blocked: the proxy drops the service's traffic; clears when the new firewall is in.",
  "Waiting on the customer's onboarding sponsor to sign off.",
  "Licences assigned to the pilot group; the rest follow the training.",
  "",
];

function segmentOf(
  plan: EntitlementPlan,
  stage: Stage,
  seats: number,
  splitReason: "geography" | null,
  at: Date,
): StoredSegment {
  const { random, pick, today } = plan;
  const index = defaultIndex();
  const l1 = pick(index.playbook.l1s);
  const rows = index.scenariosFor(l1.id, stage);
  const scenarioId = rows.length > 0 ? pick(rows).id : `${l1.id}_${stage}`;
  const l2 = l1.l2s.length > 0 && random() < 0.85 ? pick(l1.l2s) : null;
  const l3s = l2 ? index.l3sFor(l1.id, l2.id, plan.serviceId) : [];
  const maybe = <T>(value: T, chance = 0.7): T | null => (random() < chance ? value : null);
  return {
    seats,
    l1: l1.id,
    scenarioId,
    l2: l2?.id ?? null,
    l3: l3s.length > 0 ? maybe(pick(l3s).id) : null,
    serviceStatus: maybe(pick(index.playbook.serviceStatuses).id),
    engagementScenario: maybe(pick(index.playbook.engagementScenarios).id),
    targetDate: maybe(shiftDays(today, Math.floor(random() * 180) - 60)),
    owner: maybe(pick(owners)),
    note: pick(notes),
    nextActionDate: maybe(shiftDays(today, Math.floor(random() * 90) - 30)),
    nextAction: maybe("Call the customer's IT lead"),
    splitReason,
    l1Since: at.toISOString(),
  };
}

function shiftDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00.000Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** mulberry32: a small deterministic generator, so a seed gives the same portfolio. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
