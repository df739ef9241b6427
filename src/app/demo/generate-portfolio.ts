import {
  type AssignmentRow,
  emptyBatch,
  type PortfolioBatch,
  type TenantRow,
} from "../../db/repositories/portfolio-repository.ts";
import type { PlaybookIndex } from "../../domain/playbook/playbook-index.ts";
import type { Service, Stage } from "../../domain/playbook/playbook-schema.ts";
import type { IsoDate } from "../../domain/status-segment.ts";
import type { StatusSnapshot } from "../../http/schemas/entitlements.ts";
import { type CustomerPlan, customerPlans } from "./customer-plans.ts";
import { SeededRandom } from "./seeded-random.ts";
import { statusJourney } from "./status-journey.ts";

export interface PortfolioOptions {
  index: PlaybookIndex;
  tenants: number;
  seed: number;
  today: IsoDate;
  /** Demo user id per role id; history rows name the user of the role that recorded them. */
  usersByRole: ReadonlyMap<string, string>;
  /** Judge every generated status with evaluateStatus (slow; tests check the fast path against it). */
  judgeEveryStatus?: boolean;
  /** Customers per chunk (default defaultCustomersPerChunk); part of what makes the portfolio. */
  customersPerChunk?: number;
  /** Generate only every `of`-th chunk, from chunk `index` on (one of several workers). */
  part?: { index: number; of: number };
}

/**
 * How likely a tenant holds each service: the mail, files and device staples
 * nearly always, niche workloads less often. Services not listed (a custom
 * playbook's) get a middling chance.
 */
const serviceOdds: Record<string, number> = {
  exchange: 0.97,
  sharepoint: 0.95,
  onedrive: 0.95,
  teams: 0.95,
  office_proplus: 0.92,
  intune: 0.85,
  aadp: 0.85,
  windows_10: 0.8,
  outlook_mobile: 0.6,
  yammer: 0.55,
  power_bi: 0.6,
  aip: 0.55,
  mcas: 0.45,
  azrms: 0.35,
  defender_atp: 0.5,
  edge: 0.45,
  office_365_atp: 0.5,
  skype_for_business: 0.35,
  project_online_professional: 0.25,
  project_professional: 0.2,
  project_online_essentials: 0.15,
  classroom_sds: 0.05,
};

/** The id of the next generated row. */
type NextId = () => string;

/** Families of real, licensable services; the playbook's legacy keys are left out. */
const demoFamilies = new Set(["office_365", "ems", "windows"]);

/** Customers per chunk: each chunk draws from its own random stream, so workers can share the chunks out. */
export const defaultCustomersPerChunk = 50;

/** A run of consecutive customers, generated together. */
export interface PortfolioChunk {
  /** 0 for the first chunk. */
  index: number;
  customers: PortfolioBatch[];
}

/**
 * A synthetic portfolio, one customer at a time (so a 100,000-tenant seed
 * never holds everything in memory): customers with one to five tenants,
 * eight to twenty services each with a year of status history.
 * Deterministic for a seed, a today and a chunk size.
 */
export function* generatePortfolio(options: PortfolioOptions): Generator<PortfolioBatch> {
  for (const chunk of portfolioChunks(options)) yield* chunk.customers;
}

/**
 * The portfolio chunk by chunk; with `part`, only every `of`-th chunk from
 * `index` on. Who the customers are (names, tenants, domains) comes from one
 * stream that every part draws in full (customerPlans); everything else from
 * the chunk's own stream, so the parts together are exactly the whole.
 */
export function* portfolioChunks(options: PortfolioOptions): Generator<PortfolioChunk> {
  const size = options.customersPerChunk ?? defaultCustomersPerChunk;
  const part = options.part ?? { index: 0, of: 1 };
  const services = options.index.playbook.serviceFamilies
    .filter(
      (family) =>
        demoFamilies.has(family.id) ||
        !options.index.playbook.serviceFamilies.some((f) => demoFamilies.has(f.id)),
    )
    .flatMap((family) => family.services);
  let plans: CustomerPlan[] = [];
  let index = 0;
  const take = () => {
    const chunk = index % part.of === part.index ? generateChunk(options, services, index, plans) : null;
    index += 1;
    plans = [];
    return chunk;
  };
  for (const plan of customerPlans(options.seed, options.tenants)) {
    plans.push(plan);
    if (plans.length < size) continue;
    const chunk = take();
    if (chunk) yield chunk;
  }
  if (plans.length > 0) {
    const chunk = take();
    if (chunk) yield chunk;
  }
}

/** Milliseconds between the first ids of consecutive chunks: room for far more ids than a chunk makes. */
const chunkIdSpan = 2 ** 22;

function generateChunk(
  options: PortfolioOptions,
  services: readonly Service[],
  index: number,
  plans: readonly CustomerPlan[],
): PortfolioChunk {
  const random = new SeededRandom(chunkSeed(options.seed, index));
  // Version 7 ids one millisecond apart, each chunk after the one before, from a year before
  // today: every table's ids rise in the order the rows are written, which keeps the seed's
  // index inserts sequential.
  let clock = Date.parse(`${options.today}T00:00:00Z`) - 366 * 86_400_000 + index * chunkIdSpan;
  const nextId: NextId = () => {
    clock += 1;
    return random.uuid7(clock);
  };
  const customers = plans.map((plan) => {
    const batch = emptyBatch();
    const customerId = nextId();
    batch.customers.push({
      id: customerId,
      externalId: `TP-${String(1_000_000 + plan.number * 7919).slice(-7)}`,
      name: plan.name,
    });
    for (const tenantPlan of plan.tenants) {
      const tenant: TenantRow = {
        id: nextId(),
        customerId,
        name: tenantPlan.region ? `${plan.name} ${tenantPlan.region.toUpperCase()}` : plan.name,
        domain: tenantPlan.domain,
        priority: random.weighted([
          ["high", 20],
          ["medium", 55],
          ["low", 25],
        ] as const),
      };
      batch.tenants.push(tenant);
      addEntitlements(options, random, nextId, services, tenant, batch);
    }
    batch.assignments.push(...assignmentsFor(random, nextId, options.usersByRole, customerId, batch.tenants));
    return batch;
  });
  return { index, customers };
}

/** A chunk's own seed: the portfolio's seed and the chunk's index mixed (murmur3's finaliser). */
function chunkSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Seat counts from 25 to 50,000, most tenants small, a few very large. */
function tenantSize(random: SeededRandom): number {
  const band = random.weighted([
    [[25, 500], 50],
    [[500, 5000], 35],
    [[5000, 50_000], 15],
  ] as const);
  return random.int(band[0], band[1]);
}

function addEntitlements(
  options: PortfolioOptions,
  random: SeededRandom,
  nextId: NextId,
  services: readonly Service[],
  tenant: TenantRow,
  batch: PortfolioBatch,
): void {
  const size = tenantSize(random);
  const wanted = random.int(8, Math.min(20, services.length));
  const chosen = services
    .map((service) => ({ service, roll: random.next() * (serviceOdds[service.id] ?? 0.4) }))
    .sort((a, b) => b.roll - a.roll)
    .slice(0, wanted)
    .map((entry) => entry.service);
  const tenantStage: Stage = random.chance(0.65) ? "delivery" : "assignment";

  for (const service of chosen) {
    const availableSeats = Math.max(25, Math.min(50_000, Math.round(size * (0.4 + random.next() * 0.6))));
    const stage: Stage = random.chance(0.9)
      ? tenantStage
      : tenantStage === "delivery"
        ? "assignment"
        : "delivery";
    const steps = statusJourney({
      random,
      index: options.index,
      serviceId: service.id,
      availableSeats,
      stage,
      today: options.today,
      judgeEveryStatus: options.judgeEveryStatus,
    });
    const id = nextId();
    const last = steps[steps.length - 1]!;
    const actorOf = (role: string) =>
      options.usersByRole.get(role) ?? options.usersByRole.get("admin") ?? null;
    batch.entitlements.push({
      id,
      tenantId: tenant.id,
      serviceId: service.id,
      availableSeats,
      stage: last.stage,
      version: steps.length + 1,
      updatedAt: last.at,
      updatedBy: actorOf(last.actorRole),
    });
    last.segments.forEach((segment, position) => {
      // Object.assign, not a spread: see statusJourney.
      batch.segments.push(Object.assign({ id: nextId() }, segment, { entitlementId: id, position }));
    });
    // Each change's "before" is the previous change's "after", the same object (serialised once).
    let before: StatusSnapshot = { stage: steps[0]!.stage, availableSeats, segments: [] };
    steps.forEach((step, position) => {
      const after: StatusSnapshot = { stage: step.stage, availableSeats, segments: step.segments };
      batch.history.push({
        entitlementId: id,
        at: step.at,
        actorId: actorOf(step.actorRole),
        actorRole: step.actorRole,
        source: "seed",
        playbookVersion: options.index.playbook.version,
        versionAfter: position + 2,
        before,
        after,
      });
      before = after;
    });
  }
}

/** Which demo users look after this customer, so "my tenants" views have something in them. */
function assignmentsFor(
  random: SeededRandom,
  nextId: NextId,
  usersByRole: ReadonlyMap<string, string>,
  customerId: string,
  tenants: readonly TenantRow[],
): AssignmentRow[] {
  const rows: AssignmentRow[] = [];
  const customerLevel: [string, number, 0 | 1][] = [
    ["delivery_fm", 0.35, 1],
    ["assignment_fm", 0.25, 1],
    ["account_team", 0.4, 0],
    ["team_lead", 0.2, 0],
    ["viewer", 0.1, 0],
  ];
  for (const [role, odds, primary] of customerLevel) {
    const userId = usersByRole.get(role);
    if (userId && random.chance(odds))
      rows.push({ id: nextId(), userId, customerId, tenantId: null, primary });
  }
  const tenantLevel: [string, number][] = [
    ["fasttrack_engineer", 0.15],
    ["partner", 0.08],
  ];
  for (const tenant of tenants) {
    for (const [role, odds] of tenantLevel) {
      const userId = usersByRole.get(role);
      if (userId && random.chance(odds)) {
        rows.push({ id: nextId(), userId, customerId: null, tenantId: tenant.id, primary: 0 });
      }
    }
  }
  return rows;
}
