import type { Db } from "../../db/client.ts";
import { escalationTarget } from "../../db/repositories/escalation-repository.ts";
import {
  blockedTooLongCandidates,
  type RuleCandidate,
  targetSlippedCandidates,
} from "../../db/repositories/escalation-rule-repository.ts";
import { type EscalationRuleId, resolverOf } from "../../domain/escalations/escalation-policy.ts";
import { ruleMessage, ruleValuesOf } from "../../domain/escalations/rule-escalation-message.ts";
import type { AppDeps } from "../app-deps.ts";
import type { JobHandler } from "../jobs/job-runner.ts";
import { localizedIndex } from "../playbook/playbook-translations.ts";
import { raiseEscalation } from "./raise-escalation.ts";

/** The L1 whose spells the rules watch. */
const blocked = "blocked";
/** Escalations raised per round; a round that raises this many runs again at once for the rest. */
const perRound = 200;

/**
 * Raises the escalations the playbook's rules call for, once per
 * entitlement, rule and Blocked spell: the unique index answers a second
 * raise (a job run twice, two servers at once) with nothing. Returns how
 * many it raised.
 */
export async function raiseRuleEscalations(deps: AppDeps): Promise<{ raised: number; more: boolean }> {
  const index = deps.playbook.index;
  const { rules } = index.playbook.escalations;
  const l2s = index.l1(blocked)?.l2s.map((l2) => l2.id) ?? [];
  if (l2s.length === 0) return { raised: 0, more: false };
  const db = deps.database.db;
  const now = deps.now();
  let raised = 0;
  let more = false;
  const runs = [
    { rule: "target_slipped", days: rules.targetSlipped.days, find: targetSlippedCandidates },
    { rule: "blocked_too_long", days: rules.blockedTooLong.days, find: blockedTooLongCandidates },
  ] as const;
  for (const { rule, days, find } of runs) {
    const candidates = await find(db, { l1: blocked, l2s, days, now, limit: perRound });
    more ||= candidates.length === perRound;
    for (const candidate of candidates) {
      if (await raiseFor(deps, candidate, rule, days)) raised++;
    }
  }
  return { raised, more };
}

/**
 * Raises one rule's escalation. It keeps the rule's values and an English
 * message (webhooks, the CLI); readers and notices get it in their language.
 */
async function raiseFor(deps: AppDeps, candidate: RuleCandidate, rule: EscalationRuleId, days: number) {
  const ruleValues = ruleValuesOf(rule, days, candidate);
  const db = deps.database.db;
  const resolver = resolverOf(deps.playbook.index, blocked, candidate.l2);
  const target = await escalationTarget(db, candidate.entitlementId);
  if (!resolver || !target) return false;
  const id = await db.transaction((transaction) =>
    raiseEscalation(transaction as unknown as Db, deps.now(), {
      entitlementId: target.id,
      serviceId: target.serviceId,
      about: { service: target.serviceName, tenant: target.tenantName },
      l2NameIn: (language) =>
        localizedIndex(deps.playbook, language).l2(resolver.l1, resolver.l2)?.name ?? resolver.l2Name,
      resolver,
      message: ruleMessage("en", rule, ruleValues),
      rule,
      ruleValues,
      spellStart: candidate.spellStart,
      opener: null,
    }),
  );
  return id !== null;
}

/** escalation.rules, hourly on every server (one run per hour across them: docs/JOBS.md). */
export const escalationRulesJob: JobHandler = {
  kind: "escalation.rules",
  run: async (deps) => {
    const { more } = await raiseRuleEscalations(deps);
    return more ? { deferUntil: deps.now() } : undefined;
  },
};

/** Hourly: the rules count in days, and an hour's delay is within any SLA. */
export const escalationRulesSchedule = { kind: escalationRulesJob.kind, every: 3_600_000 };
