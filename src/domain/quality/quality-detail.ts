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

const ago = (date: string, today: string): string => {
  const days = daysBetween(date, today);
  return days === 1 ? "yesterday" : `${days} days ago`;
};

/** One sentence saying what a finding is about and what fixes it, for the queue and the digest. */
export function describeFinding(index: PlaybookIndex, finding: QualityFinding, today: string): string {
  const { data, date } = finding;
  const l1Name = (id: string | null) => (id ? (index.l1(id)?.name ?? id) : "none");
  const l2Name = (l1: string | null, l2: string | null) =>
    l1 && l2 ? (index.l2(l1, l2)?.name ?? l2) : (l2 ?? "none");
  switch (finding.rule) {
    case "next_action_passed":
      return `The next action was due ${date}, ${ago(date!, today)}: do it, or set the next one.`;
    case "blocked_target_passed":
      return `Blocked; the target date ${date} passed ${ago(date!, today)}: unblock it or set a new target.`;
    case "unknown_unchanged":
      return `Status Unknown, unchanged since ${date} (${daysBetween(date!, today)} days): reach the customer and record what you learn.`;
    case "note_grade":
      return `The note is ${text(data, "grade")}. ${text(data, "advice") ?? "Say why, with the specifics."}`;
    case "suggest_disagrees": {
      const l1 = text(data, "l1");
      const confidence = Math.round((num(data, "confidence") ?? 0) * 100);
      return `Suggest reads ${l1Name(l1)} › ${l2Name(l1, text(data, "l2"))} from the note (${confidence}% sure), not the recorded L2: check the L2 or the note.`;
    }
    case "resplit_needed":
      return `The available seats changed to ${num(data, "availableSeats")} and the split's segments hold ${num(data, "segmentSeats")}: split the status again.`;
    case "usage_contradicts":
      return usageSentence(index, text(data, "kind"));
    case "owner_unresolved": {
      const owner = text(data, "owner");
      return owner
        ? `The owner "${owner}" names no person or team: choose one.`
        : "The owner is a team nobody of this customer has: assign someone the role, or choose another owner.";
    }
  }
}

function usageSentence(index: PlaybookIndex, kind: string | null): string {
  const usage = index.playbook.usage;
  const names = (ids: readonly string[]) => ids.map((id) => index.l1(id)?.name ?? id).join(" or ");
  if (!usage) return "Usage contradicts the status.";
  const { activeWhileHalted, idleInProgress, growingWhileUnknown } = usage.contradictions;
  if (kind === "active_while_halted")
    return `Over ${shareText(usage.phases.operate.abovePercent)} of the seats are active while the status says ${names(activeWhileHalted.l1s)}: check the status.`;
  if (kind === "idle_in_progress")
    return `No seat was active in the last ${idleInProgress.days} days while the status says ${names(idleInProgress.l1s)}: check the status.`;
  return `Active seats grew over the last ${growingWhileUnknown.points} usage points while the status says ${names(growingWhileUnknown.l1s)}: find out what the customer is doing.`;
}

/** Whether the note rules read anything of this playbook (else no note is judged). */
export function noteRulesOn(index: PlaybookIndex): boolean {
  const rules = qualityRulesOf(index.playbook);
  return rules.noteGrade.enabled || rules.suggestDisagrees.enabled;
}
