import { formatIsoDate, orList, say } from "../i18n/rule-text.ts";
import { noteHintIn } from "../notes/note-hint-text.ts";
import type { PlaybookIndex } from "../playbook/playbook-index.ts";
import { shareText } from "../usage/assess-usage.ts";
import { daysBetween, type QualityFinding, qualityRulesOf } from "./quality-rules.ts";

type Data = QualityFinding["data"];

const text = (data: Data, key: string): string | null => {
  const value = data[key];
  return typeof value === "string" ? value : null;
};
const num = (data: Data, key: string): number | null => {
  const value = data[key];
  return typeof value === "number" ? value : null;
};

const ago = (index: PlaybookIndex, date: string, today: string): string => {
  const days = daysBetween(date, today);
  return days === 1 ? say(index.text, "quality_yesterday") : say(index.text, "quality_days_ago", { days });
};

/** A rule's name in the index's language ("Next action date passed"). */
export function qualityRuleLabel(index: PlaybookIndex, rule: QualityFinding["rule"]): string {
  return say(index.text, `quality_rule_${rule}`);
}

/** One sentence saying what a finding is about and what fixes it, for the queue and the digest. */
export function describeFinding(index: PlaybookIndex, finding: QualityFinding, today: string): string {
  const { data, date } = finding;
  const { text: language } = index;
  const on = (day: string | null) => (day ? formatIsoDate(language.language, day) : "");
  const l1Name = (id: string | null) => (id ? (index.l1(id)?.name ?? id) : say(language, "quality_none"));
  const l2Name = (l1: string | null, l2: string | null) =>
    l1 && l2 ? (index.l2(l1, l2)?.name ?? l2) : (l2 ?? say(language, "quality_none"));
  switch (finding.rule) {
    case "next_action_passed":
      return say(language, "quality_next_action_passed", { date: on(date), ago: ago(index, date!, today) });
    case "blocked_target_passed":
      return say(language, "quality_blocked_target_passed", {
        l1: l1Name("blocked"),
        date: on(date),
        ago: ago(index, date!, today),
      });
    case "unknown_unchanged":
      return say(language, "quality_unknown_unchanged", {
        l1: l1Name("status_unknown"),
        date: on(date),
        days: daysBetween(date!, today),
      });
    case "note_grade": {
      const grade = text(data, "grade");
      const known = grade === "great" || grade === "marginal" || grade === "poor";
      // The stored advice is the linter's English; another language says the hint by its code.
      const code = text(data, "hint");
      const english = text(data, "advice");
      const advice =
        english !== null && (code !== null || language.language === "en")
          ? noteHintIn(language.language, { code: code ?? "", message: english })
          : say(language, "note_hint_default");
      return say(language, "quality_note_grade", {
        grade: known ? say(language, `quality_grade_${grade}`) : (grade ?? ""),
        advice,
      });
    }
    case "suggest_disagrees": {
      const l1 = text(data, "l1");
      const confidence = Math.round((num(data, "confidence") ?? 0) * 100);
      return say(language, "quality_suggest_disagrees", {
        l1: l1Name(l1),
        l2: l2Name(l1, text(data, "l2")),
        confidence,
      });
    }
    case "resplit_needed":
      return say(language, "quality_resplit_needed", {
        available: num(data, "availableSeats") ?? 0,
        held: num(data, "segmentSeats") ?? 0,
      });
    case "usage_contradicts":
      return usageSentence(index, text(data, "kind"));
    case "owner_unresolved": {
      const owner = text(data, "owner");
      return owner ? say(language, "quality_owner_text", { owner }) : say(language, "quality_owner_team");
    }
  }
}

function usageSentence(index: PlaybookIndex, kind: string | null): string {
  const usage = index.playbook.usage;
  const { text: language } = index;
  const names = (ids: readonly string[]) =>
    orList(
      language,
      ids.map((id) => index.l1(id)?.name ?? id),
    );
  if (!usage) return say(language, "quality_usage");
  const { activeWhileHalted, idleInProgress, growingWhileUnknown } = usage.contradictions;
  if (kind === "active_while_halted") {
    return say(language, "quality_active_while_halted", {
      share: shareText(usage.phases.operate.abovePercent),
      l1s: names(activeWhileHalted.l1s),
    });
  }
  if (kind === "idle_in_progress") {
    return say(language, "quality_idle_in_progress", {
      days: idleInProgress.days,
      l1s: names(idleInProgress.l1s),
    });
  }
  return say(language, "quality_growing_while_unknown", {
    points: growingWhileUnknown.points,
    l1s: names(growingWhileUnknown.l1s),
  });
}

/** Whether the note rules read anything of this playbook (else no note is judged). */
export function noteRulesOn(index: PlaybookIndex): boolean {
  const rules = qualityRulesOf(index.playbook);
  return rules.noteGrade.enabled || rules.suggestDisagrees.enabled;
}
