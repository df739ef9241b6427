import type { Db } from "../../db/client.ts";
import {
  type OverdueNextAction,
  recordOverdueRaised,
  someoneSubscribed,
  unraisedOverdue,
} from "../../db/repositories/overdue-raise-repository.ts";
import { raiseWebhookEvent } from "../../db/repositories/webhook-event-repository.ts";
import type { Schedule } from "../../domain/jobs/schedule.ts";
import { everyTenant } from "../../domain/policy/tenant-scope.ts";
import { type AppDeps, todayOf } from "../app-deps.ts";
import type { JobHandler } from "../jobs/job-runner.ts";
import { judgeUnjudgedNotes } from "./judge-unjudged-notes.ts";

/**
 * Entitlements judged per statement, and the most a run keeps judging before
 * it yields: with a run a minute, a backlog (a cold start, a new playbook or
 * model) takes at most half of one core until it is judged.
 */
const judgeBatch = 2_000;
const judgeRunMs = 30_000;

/** A full sweep after this long without one, whatever the quick looks found. */
const sweepEvery = 60 * 60_000;
/** Quick looks reach back this far: any change since is judged within a minute. */
const quickLookBack = 10 * 60_000;
/** When this process last found nothing left in a full sweep; null until it has (a backlog is assumed). */
let sweptClean: number | null = null;

/**
 * Judges the notes no read has judged yet. A full sweep of the portfolio
 * (an anti-join of every entitlement with its judgment: seconds at 100,000
 * tenants) runs while a backlog lasts (a cold start, a new playbook or
 * model) and once an hour; otherwise a quick look at the entitlements
 * changed in the last 10 minutes, through the index on their change time.
 */
export const judgeNotesJob: JobHandler = {
  kind: "quality.judge_notes",
  run: async (deps) => {
    const started = Date.now();
    const now = deps.now().getTime();
    const sweep = sweptClean === null || now - sweptClean >= sweepEvery;
    const scope = { visibleTo: everyTenant, changedSince: sweep ? null : new Date(now - quickLookBack) };
    for (;;) {
      const { judged } = await judgeUnjudgedNotes(deps, scope, judgeBatch, { latestFirst: false });
      if (judged < judgeBatch) {
        if (sweep) sweptClean = now;
        return undefined;
      }
      if (Date.now() - started > judgeRunMs) return undefined;
    }
  },
};

export const judgeNotesSchedule: Schedule = { kind: "quality.judge_notes", every: 60_000 };

/** Pairs raised per transaction, and transactions per run (the rest wait for the next run). */
const raiseBatch = 200;
const raiseBatchesPerRun = 25;

/**
 * Raises next_action.overdue once per entitlement and next action date, once
 * the date has passed (before today in UTC), in the transaction that records
 * it was raised: a rolled-back batch raises nothing and is tried again, and
 * a pair recorded by another server is not raised twice.
 */
export const overdueWebhookJob: JobHandler = {
  kind: "next_action.overdue_scan",
  run: async (deps) => {
    for (let batch = 0; batch < raiseBatchesPerRun; batch += 1) {
      const raised = await raiseOverdueBatch(deps, raiseBatch);
      if (raised < raiseBatch) return undefined;
    }
    return undefined;
  },
};

export const overdueWebhookSchedule: Schedule = { kind: "next_action.overdue_scan", every: 5 * 60_000 };

/** One batch: the pairs found, recorded and raised in one transaction. Returns how many were found. */
export async function raiseOverdueBatch(deps: AppDeps, limit: number): Promise<number> {
  const now = deps.now();
  const today = todayOf(now);
  return deps.database.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const found = await unraisedOverdue(tx, today, limit);
    const recorded = await recordOverdueRaised(tx, found, now);
    if (recorded.length === 0 || !(await someoneSubscribed(tx, "next_action.overdue"))) return found.length;
    const byKey = new Map(found.map((pair) => [`${pair.entitlementId}/${pair.nextActionDate}`, pair]));
    for (const pair of recorded) {
      const overdue = byKey.get(`${pair.entitlementId}/${pair.nextActionDate}`)!;
      await raiseWebhookEvent(
        tx,
        {
          type: "next_action.overdue",
          entitlementId: overdue.entitlementId,
          data: overdueData(overdue, today),
        },
        now,
      );
    }
    return found.length;
  });
}

function overdueData(overdue: OverdueNextAction, today: string): Record<string, unknown> {
  const days = Math.round((Date.parse(today) - Date.parse(overdue.nextActionDate)) / 86_400_000);
  return {
    entitlementId: overdue.entitlementId,
    tenantId: overdue.tenantId,
    serviceId: overdue.serviceId,
    version: overdue.version,
    nextActionDate: overdue.nextActionDate,
    daysOverdue: days,
    segments: overdue.segments,
  };
}
