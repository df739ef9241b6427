import { availableParallelism } from "node:os";
import {
  erasePortfolio,
  hasPortfolio,
  loadPortfolio,
  type PreparedBatch,
} from "../../db/repositories/portfolio-repository.ts";
import { AppError } from "../../domain/app-error.ts";
import type { IsoDate } from "../../domain/status-segment.ts";
import { type AppDeps, todayOf } from "../app-deps.ts";
import { ensureUser } from "../users/find-user.ts";
import { type DemoUser, demoUsers } from "./demo-users.ts";
import { portfolioBatches, portfolioBatchesInWorker } from "./portfolio-batches.ts";
import { seedThroughFeed } from "./seed-through-feed.ts";

export interface SeedDemoInput {
  /** Tenants to create (default 200). */
  tenants?: number;
  /** Same seed, same today: same portfolio (default 1). */
  seed?: number;
  /** The day the portfolio is generated around (default: today by the app clock). */
  today?: IsoDate;
  /** Erase the existing portfolio, its history included, before seeding. */
  reset?: boolean;
  /** On a database that already holds a portfolio, do nothing instead of refusing (server --demo). */
  ifEmpty?: boolean;
  /**
   * Generate on a worker thread while this one writes (default: from
   * `parallelFrom` tenants, where it pays for the worker's start-up).
   */
  parallel?: boolean;
  /** Generating worker threads when parallel (default: two when there are two cores or more). */
  workers?: number;
  onProgress?: (progress: { tenants: number; total: number }) => void;
  /** After the rows of a large seed commit: its indexes being built, `built` of `total`. */
  onIndexes?: (progress: { built: number; total: number }) => void;
}

export interface SeedDemoResult {
  seeded: boolean;
  customers: number;
  tenants: number;
  entitlements: number;
  segments: number;
  historyRows: number;
  users: number;
}

export const defaultDemoTenants = 200;
export const maxDemoTenants = 100_000;

/**
 * Two generating workers keep both cores busy when PostgreSQL runs on the
 * same machine: the generator needs more CPU than the COPY it feeds.
 */
function defaultWorkers(): number {
  return availableParallelism() > 1 ? 2 : 1;
}

/** From this many tenants a seed generates on a worker thread by default. */
export const parallelFrom = 1000;

/**
 * Fills the database with a synthetic portfolio for demos and load tests: the
 * demo users (one per playbook role), customers, tenants, entitlements with
 * status segments that each passed the playbook rules on the day they were
 * recorded, and a year of status history. Refuses a database that already has
 * a portfolio unless `reset` (erase first) or `ifEmpty` (then skip) is given.
 */
export async function seedDemo(deps: AppDeps, input: SeedDemoInput = {}): Promise<SeedDemoResult> {
  const tenants = checkedTenants(input.tenants ?? defaultDemoTenants);
  const db = deps.database.db;
  const result: SeedDemoResult = {
    seeded: false,
    customers: 0,
    tenants: 0,
    entitlements: 0,
    segments: 0,
    historyRows: 0,
    users: 0,
  };
  if (await hasPortfolio(db)) {
    if (input.ifEmpty) return result;
    if (!input.reset) {
      throw new AppError(
        "conflict",
        "The database already holds a portfolio; seed with reset to erase it (history included) first.",
      );
    }
    await erasePortfolio(db);
  }

  const { usersByRole, usersById } = await ensureDemoUsers(deps);
  result.users = usersById.size;

  const options = {
    index: deps.playbook.index,
    tenants,
    seed: input.seed ?? 1,
    today: input.today ?? todayOf(deps.now()),
    usersByRole,
  };
  if (tenants < parallelFrom) {
    // Demo sizes go the way real data does: a feed, synced; load-test sizes are copied in below.
    Object.assign(result, await seedThroughFeed(deps, options, usersById), { seeded: true });
    input.onProgress?.({ tenants, total: tenants });
    return result;
  }
  const batches: Iterable<PreparedBatch> | AsyncIterable<PreparedBatch> =
    (input.parallel ?? tenants >= parallelFrom)
      ? portfolioBatchesInWorker(
          {
            playbook: options.index.playbook,
            tenants,
            seed: options.seed,
            today: options.today,
            usersByRole: [...usersByRole],
          },
          input.workers ?? defaultWorkers(),
        )
      : portfolioBatches(options);
  // One COPY transaction; the generator chose every id, so foreign-key checks may be skipped. Large
  // seeds build the secondary indexes once at the end rather than row by row.
  await loadPortfolio(deps.database, batches, {
    trustedIds: true,
    deferIndexes: tenants >= parallelFrom,
    // Found empty or erased above.
    freeze: true,
    onBatch: (batch) => {
      result.customers += batch.counts.customers;
      result.tenants += batch.counts.tenants;
      result.entitlements += batch.counts.entitlements;
      result.segments += batch.counts.segments;
      result.historyRows += batch.counts.history;
      input.onProgress?.({ tenants: result.tenants, total: tenants });
    },
    onIndexes: input.onIndexes,
  });
  result.seeded = true;
  return result;
}

function checkedTenants(tenants: number): number {
  if (!Number.isInteger(tenants) || tenants < 1 || tenants > maxDemoTenants) {
    throw new AppError(
      "validation_failed",
      `The number of tenants must be a whole number from 1 to ${maxDemoTenants}.`,
      {
        violations: [{ field: "tenants", code: "tenants_invalid", message: `Got ${String(tenants)}.` }],
      },
    );
  }
  return tenants;
}

/** The demo users of the playbook's roles, by role and by id. */
async function ensureDemoUsers(deps: AppDeps) {
  const usersByRole = new Map<string, string>();
  const usersById = new Map<string, DemoUser>();
  for (const user of demoUsers) {
    if (!deps.playbook.index.role(user.role)) continue;
    const stored = await ensureUser(deps, user);
    usersByRole.set(stored.role, stored.id);
    usersById.set(stored.id, user);
  }
  return { usersByRole, usersById };
}
