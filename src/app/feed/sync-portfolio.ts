import type { BulkSession } from "../../db/client.ts";
import {
  applyEnd,
  type EndPlan,
  type FeedFileState,
  planEnd,
  recordSync,
  type SyncCounts,
  type SyncStamp,
  upsertCustomers,
  upsertEntitlements,
  upsertPeople,
  upsertTenants,
  upsertUsage,
} from "../../db/repositories/portfolio-sync-repository.ts";
import { checkStaged, createStaging, indexStaging } from "../../db/sql/feed-staging-sql.ts";
import type { FeedFileName } from "../../domain/feed/feed-files.ts";
import type { FeedRowError } from "../../domain/feed/feed-row-error.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireAllowed } from "../auth/authorize-actor.ts";
import { findFeedFiles } from "./read-feed-folder.ts";
import { type StagedFile, stageFeedFile } from "./stage-feed-files.ts";
import { fileStatesAfter, findUnchangedFiles, unchangedCounts } from "./unchanged-feed-files.ts";

export interface SyncPortfolioInput {
  /** The folder holding customers, tenants, entitlements, people and usage (.csv or .jsonl). */
  folder: string;
  actor: Actor;
  /** Count what the sync would do, then write nothing (but the sync record). */
  dryRun: boolean;
  /** The files are the whole portfolio: end what they no longer name. */
  full: boolean;
  /** Apply the valid rows even when others are refused. */
  partial: boolean;
  /** Let a full sync end more than 5% of tenants or entitlements. */
  allowMassEnd: boolean;
  onProgress?: (progress: SyncProgress) => void;
  /** The record of a sync the server runs as a job (written queued): finished instead of added. */
  syncId?: number;
}

export interface SyncProgress {
  phase: "read" | "apply";
  file: FeedFileName;
  rows: number;
}

/** The report `--json` prints: counts per file and the refused rows. */
export interface SyncReport {
  customers: SyncCounts;
  tenants: SyncCounts;
  entitlements: SyncCounts;
  people: SyncCounts;
  usage: SyncCounts;
  rejected: FeedRowError[];
}

export interface SyncOutcome {
  report: SyncReport;
  /** Whether the changes were written (not a dry run, nothing refused or --partial, no mass end). */
  applied: boolean;
  dryRun: boolean;
  /** Why nothing was written, when something refused the whole sync. */
  refusal: string | null;
  /** Files skipped as the same bytes over the same table state as the last sync left. */
  skippedFiles: FeedFileName[];
  /** What the sync record keeps of each file for the next sync (unchanged-feed-files). */
  fileStates: Record<string, FeedFileState | null>;
}

/** More than this share of open tenants or entitlements ended by one full sync is refused. */
const massEndShare = 0.05;

/**
 * Syncs the portfolio from the feed files in one transaction (Admin only):
 * upserts by natural key, ends what a full feed no longer names, and keeps
 * statuses true when seats change. A dry run, a refused row without
 * --partial, or a mass end without --allow-mass-end roll everything back;
 * every sync leaves one sync record.
 */
export async function syncPortfolio(deps: AppDeps, input: SyncPortfolioInput): Promise<SyncOutcome> {
  requireAllowed(deps, input.actor, { type: "portfolio.sync" });
  const files = findFeedFiles(input.folder);
  const now = deps.now().toISOString();
  const actorId = input.actor.id === "" ? null : input.actor.id;
  const record = (outcome: SyncOutcome) => ({
    id: input.syncId,
    at: now,
    actorId,
    actorEmail: input.actor.email,
    dryRun: input.dryRun,
    full: input.full,
    partial: input.partial,
    allowMassEnd: input.allowMassEnd,
    applied: outcome.applied,
    report: { ...outcome.report, refusal: outcome.refusal, fileStates: outcome.fileStates },
  });
  try {
    return await deps.database.bulkLoad(async (session) => {
      const outcome = await runSync(deps, session, files, input, { now, actorId });
      if (!outcome.applied) throw new NotApplied(outcome);
      await recordSync(session, record(outcome));
      return outcome;
    });
  } catch (error) {
    if (!(error instanceof NotApplied)) throw error;
    await recordSync(deps.database, record(error.outcome));
    return error.outcome;
  }
}

/** Carries an outcome out of the transaction it rolls back. */
class NotApplied extends Error {
  constructor(readonly outcome: SyncOutcome) {
    super("The sync was not applied.");
  }
}

async function runSync(
  deps: AppDeps,
  session: BulkSession,
  files: ReturnType<typeof findFeedFiles>,
  input: SyncPortfolioInput,
  who: { now: string; actorId: string | null },
): Promise<SyncOutcome> {
  const progress = input.onProgress ?? (() => undefined);
  const rejected: FeedRowError[] = [];
  const version = { full: input.full, playbookVersion: deps.playbook.index.playbook.version };
  const unchanged = await findUnchangedFiles(session, files, version);
  await createStaging(session);
  const staged = new Map<FeedFileName, StagedFile>();
  for (const file of files) {
    const skipped = unchanged.skipped.get(file.name);
    if (skipped) {
      progress({ phase: "read", file: file.name, rows: skipped.rows });
      continue;
    }
    const result = await stageFeedFile(session, deps.playbook.index, file, rejected, (rows) =>
      progress({ phase: "read", file: file.name, rows }),
    );
    staged.set(file.name, result);
  }
  await indexStaging(session);
  rejected.push(...(await checkStaged(session)));
  rejected.sort((a, b) => fileOrder(a.file) - fileOrder(b.file) || a.row - b.row);

  const stamp: SyncStamp = {
    now: who.now,
    actorId: who.actorId,
    actorRole: input.actor.role,
    playbookVersion: deps.playbook.index.playbook.version,
  };
  const columns = (file: FeedFileName) => staged.get(file)?.columns ?? new Set<string>();
  const applied = (file: FeedFileName, counts: SyncCounts) => {
    const skipped = unchanged.skipped.get(file);
    const result = skipped ? unchangedCounts(skipped) : counts;
    progress({ phase: "apply", file, rows: result.added + result.changed });
    return result;
  };
  const report: SyncReport = {
    customers: applied("customers", await upsertCustomers(session, columns("customers"))),
    tenants: applied("tenants", await upsertTenants(session, columns("tenants"))),
    entitlements: applied("entitlements", await upsertEntitlements(session, columns("entitlements"), stamp)),
    people: applied("people", await upsertPeople(session, stamp)),
    usage: applied("usage", await upsertUsage(session)),
    rejected,
  };
  let refusal: string | null = null;
  if (input.full) {
    const plan = await planEnd(session, new Set(staged.keys()));
    // A skipped file ends nothing: its table holds what a full sync of the same bytes left.
    report.customers.ended = plan.customers;
    report.tenants.ended = plan.tenants;
    report.entitlements.ended = plan.entitlements;
    report.people.ended = plan.people;
    refusal = input.allowMassEnd ? null : massEndRefusal(plan);
    await applyEnd(session, who.now);
  }
  if (!refusal && rejected.length > 0 && !input.partial) {
    refusal = `${rejected.length} ${rejected.length === 1 ? "row was" : "rows were"} refused; nothing was written (--partial writes the valid rows).`;
  }
  const applies = !input.dryRun && refusal === null;
  const fileStates = applies ? await fileStatesAfter(session, unchanged, report, version) : {};
  const skippedFiles = [...unchanged.skipped.keys()];
  return { report, applied: applies, dryRun: input.dryRun, refusal, skippedFiles, fileStates };
}

function massEndRefusal(plan: EndPlan): string | null {
  const over = (ended: number, open: number) => ended > open * massEndShare;
  const parts: string[] = [];
  if (over(plan.tenants, plan.openTenants)) parts.push(`${plan.tenants} of ${plan.openTenants} tenants`);
  if (over(plan.entitlements, plan.openEntitlements)) {
    parts.push(`${plan.entitlements} of ${plan.openEntitlements} entitlements`);
  }
  if (parts.length === 0) return null;
  return `The full sync would end ${parts.join(" and ")}, more than 5%: a truncated export must not empty the portfolio. Nothing was written; pass --allow-mass-end if the portfolio really shrank.`;
}

const fileOrder = (file: FeedFileName) =>
  ["customers", "tenants", "entitlements", "people", "usage"].indexOf(file);
