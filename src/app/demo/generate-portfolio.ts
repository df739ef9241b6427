import type { StatusSnapshot } from "../../db/repositories/history-repository.ts";
import {
  type AssignmentRow,
  emptyBatch,
  type PortfolioBatch,
  type TenantRow,
} from "../../db/repositories/portfolio-writer.ts";
import type { PlaybookIndex } from "../../domain/playbook/playbook-index.ts";
import type { Service, Stage } from "../../domain/playbook/playbook-schema.ts";
import type { IsoDate } from "../../domain/status-segment.ts";
import { companyName, slugOf, tenantRegions } from "./company-names.ts";
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

/**
 * A synthetic portfolio, one customer at a time (so a 10,000-tenant seed never
 * holds everything in memory): customers with one to five tenants, eight to
 * twenty services each with a year of status history. Deterministic for a
 * seed and a today.
 */
export function* generatePortfolio(options: PortfolioOptions): Generator<PortfolioBatch> {
  const random = new SeededRandom(options.seed);
  // Version 7 ids, one millisecond apart from a year before today: every table's ids rise in the
  // order the rows are written, which keeps the seed's index inserts sequential.
  let clock = Date.parse(`${options.today}T00:00:00Z`) - 366 * 86_400_000;
  const nextId: NextId = () => {
    clock += 1;
    return random.uuid7(clock);
  };
  const services = options.index.playbook.serviceFamilies
    .filter(
      (family) =>
        demoFamilies.has(family.id) ||
        !options.index.playbook.serviceFamilies.some((f) => demoFamilies.has(f.id)),
    )
    .flatMap((family) => family.services);
  const names = new Set<string>();
  const domains = new Set<string>();
  let made = 0;
  let customerNumber = 0;

  while (made < options.tenants) {
    customerNumber += 1;
    const batch = emptyBatch();
    const name = uniqueName(random, names);
    const customerId = nextId();
    batch.customers.push({
      id: customerId,
      externalId: `TP-${String(1_000_000 + customerNumber * 7919).slice(-7)}`,
      name,
    });
    const tenantCount = Math.min(
      options.tenants - made,
      random.weighted([
        [1, 50],
        [2, 25],
        [3, 13],
        [4, 7],
        [5, 5],
      ] as const),
    );
    const regions =
      tenantCount === 1
        ? [random.chance(0.7) ? "" : random.pick(tenantRegions)]
        : random.sample(tenantRegions.slice(1), tenantCount);
    for (const region of regions) {
      const tenant = tenantRow(random, nextId, { customerId, name, region, domains });
      batch.tenants.push(tenant);
      addEntitlements(options, random, nextId, services, tenant, batch);
      made += 1;
    }
    batch.assignments.push(...assignmentsFor(random, nextId, options.usersByRole, customerId, batch.tenants));
    yield batch;
  }
}

function uniqueName(random: SeededRandom, names: Set<string>): string {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const name = companyName(random);
    if (!names.has(name)) {
      names.add(name);
      return name;
    }
  }
  // The word lists allow tens of thousands of names; past that, number them.
  const name = `${companyName(random)} ${names.size + 1}`;
  names.add(name);
  return name;
}

function tenantRow(
  random: SeededRandom,
  nextId: NextId,
  input: { customerId: string; name: string; region: string; domains: Set<string> },
): TenantRow {
  const base = `${slugOf(input.name)}${input.region ? `-${input.region}` : ""}`;
  let domain = `${base}.example`;
  for (let n = 2; input.domains.has(domain); n += 1) domain = `${base}-${n}.example`;
  input.domains.add(domain);
  return {
    id: nextId(),
    customerId: input.customerId,
    name: input.region ? `${input.name} ${input.region.toUpperCase()}` : input.name,
    domain,
    priority: random.weighted([
      ["high", 20],
      ["medium", 55],
      ["low", 25],
    ] as const),
  };
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
      batch.segments.push({ id: nextId(), ...segment, entitlementId: id, position });
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
