import { englishText, formatNumber, orList, type RuleText, say } from "../i18n/rule-text.ts";
import type { Playbook } from "../playbook/playbook-schema.ts";

/**
 * How an entitlement's usage reads against its status, by the playbook's
 * usage rules: the active seats of the newest point, their share of the
 * available seats, the service status phase that share stands for, the trend
 * and the contradictions. Pure, so the editor (on the status being typed) and
 * the server (on the stored one) judge alike; the list's SQL filter applies
 * the same rules (entitlement-usage-sql.ts, held to this by a test).
 */

/** What the entitlement view carries of usage: enough for the rules, compact enough for a list page. */
export interface UsageFacts {
  /** The newest point's date. */
  date: string;
  /** Active seats of the newest points (at most twelve), oldest first: the last is the newest point. */
  trend: number[];
  /** The newest date with an active seat, among all points; null when no point has one. */
  lastActiveDate: string | null;
}

export const contradictionKinds = [
  "active_while_halted",
  "idle_in_progress",
  "growing_while_unknown",
] as const;
export type ContradictionKind = (typeof contradictionKinds)[number];

export interface Contradiction {
  kind: ContradictionKind;
  message: string;
}

export interface UsageAssessment {
  /** Active seats on the newest point; null without points. */
  activeSeats: number | null;
  /** The newest point's date. */
  date: string | null;
  /** activeSeats / availableSeats in percent; null without points or without available seats. */
  sharePercent: number | null;
  /** The service status id the share stands for (Adoption, Operate), or null below Adoption. */
  phase: string | null;
  /** Active seats of the newest points, oldest first. */
  trend: number[];
  contradictions: Contradiction[];
}

export interface UsageInput {
  availableSeats: number;
  segments: readonly { l1: string; seats: number }[];
  usage: UsageFacts | null;
  /** YYYY-MM-DD, the day the rules read "the last 90 days" from. */
  today: string;
}

/** The date `days` days before `date` (YYYY-MM-DD, calendar days). */
export function daysBefore(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) - days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** A share of seats as people read it: one decimal under 10%, whole from there. */
export function shareText(percent: number): string {
  return percent < 10 ? `${Math.round(percent * 10) / 10}%` : `${Math.round(percent)}%`;
}

/** `text`: the language of the contradictions' messages (the index's, where there is one). */
export function assessUsage(
  playbook: Playbook,
  input: UsageInput,
  text: RuleText = englishText,
): UsageAssessment {
  const trend = input.usage?.trend ?? [];
  const activeSeats = trend.length > 0 ? trend[trend.length - 1]! : null;
  const sharePercent =
    activeSeats !== null && input.availableSeats > 0 ? (activeSeats * 100) / input.availableSeats : null;
  const assessment: UsageAssessment = {
    activeSeats,
    date: activeSeats === null ? null : (input.usage?.date ?? null),
    sharePercent,
    phase: null,
    trend: [...trend],
    contradictions: [],
  };
  const rules = playbook.usage;
  if (!rules || activeSeats === null) return assessment;
  const { adoption, operate } = rules.phases;
  const above = (threshold: number) => activeSeats * 100 > threshold * input.availableSeats;
  if (input.availableSeats > 0) {
    if (above(operate.abovePercent)) assessment.phase = operate.serviceStatus;
    else if (activeSeats * 100 >= adoption.fromPercent * input.availableSeats)
      assessment.phase = adoption.serviceStatus;
  }
  assessment.contradictions = contradictionsOf(playbook, input, assessment, text);
  return assessment;
}

function contradictionsOf(
  playbook: Playbook,
  input: UsageInput,
  assessment: UsageAssessment,
  text: RuleText,
): Contradiction[] {
  const rules = playbook.usage!.contradictions;
  const operate = playbook.usage!.phases.operate.abovePercent;
  const active = assessment.activeSeats ?? 0;
  const l1Names = (ids: readonly string[]) => {
    const present = ids.filter((id) => input.segments.some((segment) => segment.l1 === id));
    return orList(
      text,
      present.map((id) => playbook.l1s.find((l1) => l1.id === id)?.name ?? id),
    );
  };
  const found: Contradiction[] = [];

  const halted = new Set(rules.activeWhileHalted.l1s);
  const haltedSeats = input.segments.filter((s) => halted.has(s.l1)).reduce((sum, s) => sum + s.seats, 0);
  const otherSeats = input.segments.filter((s) => !halted.has(s.l1)).reduce((sum, s) => sum + s.seats, 0);
  if (
    input.segments.some((s) => halted.has(s.l1)) &&
    input.availableSeats > 0 &&
    active * 100 > operate * input.availableSeats &&
    active > otherSeats
  ) {
    found.push({
      kind: "active_while_halted",
      message: say(text, "usage_active_while_halted", {
        share: shareText(assessment.sharePercent ?? 0),
        operate,
        seats: haltedSeats,
        l1s: l1Names(rules.activeWhileHalted.l1s),
      }),
    });
  }

  const idle = rules.idleInProgress;
  const since = daysBefore(input.today, idle.days);
  const lastActive = input.usage?.lastActiveDate ?? null;
  const newestDate = assessment.date;
  if (
    input.segments.some((s) => idle.l1s.includes(s.l1)) &&
    newestDate !== null &&
    newestDate > since &&
    (lastActive === null || lastActive <= since)
  ) {
    found.push({
      kind: "idle_in_progress",
      message: say(text, "usage_idle_in_progress", { days: idle.days, l1s: l1Names(idle.l1s) }),
    });
  }

  const growing = rules.growingWhileUnknown;
  const recent = assessment.trend.slice(-growing.points);
  if (
    input.segments.some((s) => growing.l1s.includes(s.l1)) &&
    recent.length === growing.points &&
    recent.every((seats, index) => index === 0 || seats > recent[index - 1]!)
  ) {
    found.push({
      kind: "growing_while_unknown",
      message: say(text, "usage_growing_while_unknown", {
        points: growing.points,
        trend: recent.map((value) => formatNumber(text.language, value)).join(" → "),
        l1s: l1Names(growing.l1s),
      }),
    });
  }
  return found;
}

/** The sentence the entitlement shows when a seat change left its split status short or over. */
export function resplitSentence(
  availableSeats: number,
  segmentSeats: number,
  text: RuleText = englishText,
): string {
  return say(text, "usage_resplit", { available: availableSeats, held: segmentSeats });
}
