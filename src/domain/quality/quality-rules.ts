import type { Playbook } from "../playbook/playbook-schema.ts";
import { type ContradictionKind, daysBefore } from "../usage/assess-usage.ts";
import { defaultQualityRules, type QualityRules } from "./quality-rules-schema.ts";

/**
 * The data-quality rules (docs/QUALITY.md): what in a recorded status needs
 * someone's attention. Pure. `qualityFindings` judges one entitlement as it
 * is stored; the queue applies the same rules in SQL over many
 * (db/sql/quality-sql.ts, held to this by a test), and the note rules through
 * judgeNotes (judge-notes.ts), whose judgments are kept per entitlement version.
 */

/** In the order the queue lists them. */
export const qualityRuleIds = [
  "next_action_passed",
  "blocked_target_passed",
  "unknown_unchanged",
  "note_grade",
  "suggest_disagrees",
  "resplit_needed",
  "usage_contradicts",
  "owner_unresolved",
] as const;
export type QualityRuleId = (typeof qualityRuleIds)[number];

export const qualityRuleLabels: Record<QualityRuleId, string> = {
  next_action_passed: "Next action date passed",
  blocked_target_passed: "Blocked, target date passed",
  unknown_unchanged: "Status Unknown unchanged",
  note_grade: "Note to improve",
  suggest_disagrees: "Suggest reads another L2",
  resplit_needed: "Split no longer adds up",
  usage_contradicts: "Usage contradicts the status",
  owner_unresolved: "Owner resolves to nobody",
};

/** The playbook key of each rule. */
export const qualityRuleKeys = {
  next_action_passed: "nextActionPassed",
  blocked_target_passed: "blockedTargetPassed",
  unknown_unchanged: "unknownUnchanged",
  note_grade: "noteGrade",
  suggest_disagrees: "suggestDisagrees",
  resplit_needed: "resplitNeeded",
  usage_contradicts: "usageContradicts",
  owner_unresolved: "ownerUnresolved",
} as const satisfies Record<QualityRuleId, keyof QualityRules>;

/** The rules of the active playbook: its `quality:` section, or the defaults. */
export function qualityRulesOf(playbook: Playbook): QualityRules {
  return playbook.quality ?? defaultQualityRules;
}

export function ruleEnabled(rules: QualityRules, rule: QualityRuleId): boolean {
  return rules[qualityRuleKeys[rule]].enabled;
}

/** Who a segment's owner resolves to: a person, a team and how many people it has here, text, or none. */
export type OwnerFacts =
  | { kind: "person" }
  | { kind: "team"; people: number }
  | { kind: "text"; text: string }
  | { kind: "none" };

export interface QualitySegmentFacts {
  position: number;
  seats: number;
  l1: string;
  l2: string | null;
  targetDate: string | null;
  nextActionDate: string | null;
  owner: OwnerFacts;
}

export interface QualityEntitlementFacts {
  availableSeats: number;
  /** YYYY-MM-DD: the day its status was last changed. */
  updatedOn: string;
  resplitNeeded: boolean;
  segments: readonly QualitySegmentFacts[];
  /** The usage contradictions assessUsage finds in the stored status. */
  contradictions: readonly ContradictionKind[];
}

/** One finding: the rule, the segment (null for the whole status) and the date it is about. */
export interface QualityFinding {
  rule: QualityRuleId;
  position: number | null;
  date: string | null;
  data: Record<string, string | number | null>;
}

/** The findings of every rule but the note rules (judgeNotes), for one entitlement on `today`. */
export function qualityFindings(
  playbook: Playbook,
  facts: QualityEntitlementFacts,
  today: string,
): QualityFinding[] {
  const rules = qualityRulesOf(playbook);
  const found: QualityFinding[] = [];
  const add = (rule: QualityRuleId, position: number | null, date: string | null, data = {}) => {
    if (ruleEnabled(rules, rule)) found.push({ rule, position, date, data });
  };
  const nextBefore = daysBefore(today, rules.nextActionPassed.graceDays);
  const targetBefore = daysBefore(today, rules.blockedTargetPassed.graceDays);
  const unchangedSince = daysBefore(today, rules.unknownUnchanged.days);
  for (const s of facts.segments) {
    if (s.nextActionDate !== null && s.nextActionDate < nextBefore)
      add("next_action_passed", s.position, s.nextActionDate);
    if (rules.blockedTargetPassed.l1s.includes(s.l1) && s.targetDate !== null && s.targetDate < targetBefore)
      add("blocked_target_passed", s.position, s.targetDate);
    if (rules.unknownUnchanged.l1s.includes(s.l1) && facts.updatedOn <= unchangedSince)
      add("unknown_unchanged", s.position, facts.updatedOn);
    if (s.owner.kind === "text") add("owner_unresolved", s.position, null, { owner: s.owner.text });
    if (s.owner.kind === "team" && s.owner.people === 0) add("owner_unresolved", s.position, null);
  }
  if (facts.resplitNeeded) {
    const segmentSeats = facts.segments.reduce((sum, s) => sum + s.seats, 0);
    add("resplit_needed", firstPosition(facts.segments), null, {
      availableSeats: facts.availableSeats,
      segmentSeats,
    });
  }
  for (const kind of facts.contradictions) {
    if (!rules.usageContradicts.kinds.includes(kind)) continue;
    const l1s = contradictionL1s(playbook, kind);
    const concerned = facts.segments.filter((s) => l1s.includes(s.l1));
    add("usage_contradicts", firstPosition(concerned), null, { kind });
  }
  return found;
}

/** The L1s a contradiction is about: its item goes to the first segment of one of them. */
export function contradictionL1s(playbook: Playbook, kind: ContradictionKind): readonly string[] {
  const rules = playbook.usage?.contradictions;
  if (!rules) return [];
  if (kind === "active_while_halted") return rules.activeWhileHalted.l1s;
  if (kind === "idle_in_progress") return rules.idleInProgress.l1s;
  return rules.growingWhileUnknown.l1s;
}

function firstPosition(segments: readonly QualitySegmentFacts[]): number | null {
  return segments.length === 0 ? null : Math.min(...segments.map((s) => s.position));
}

/** Whole days from `from` to `to` (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
