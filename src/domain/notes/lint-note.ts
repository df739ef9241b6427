import { defaultNoteGrader } from "./default-note-grader.ts";
import {
  ATTEMPT_WORD,
  CHANNEL_WORD,
  COVID_CUE,
  DECLINES_HELP,
  EMPTY_PHRASES,
  EXACT_NUMBER,
  HEDGES,
  INTENT_CUES,
  MANAGED_ACCOUNT,
  MEETING_NARRATIVE,
  MEETING_NOUN,
  PHASE_CUE,
  REASON_MARKER,
  SCHEDULING_VERB,
  SERVICE_WORDS,
  STATUS_WORDS,
  STOP_WORDS,
  TEMPORARY_CUE,
  UNBLOCK_CUE,
  USAGE_WORDS,
  VAGUE_WORDS,
} from "./note-cues.ts";
import type { NoteGrader } from "./note-grader.ts";
import { saysNothing } from "./note-meaning.ts";
import { countWords, foldText, splitSentences, wordTokens } from "./note-text.ts";

/**
 * The status-note linter. It grades a Service Intent note the way the playbook's
 * notes guidance does: great = intent (or its absence) and the primary reason in
 * about two sentences; marginal = intent without a reason, vague, hedged or buried;
 * poor = blank, a bare status or nothing usable. Every finding is a hint that tells
 * the writer what to add, so the editor can show it next to the note.
 */

export type NoteGrade = "great" | "marginal" | "poor";

export interface NoteHint {
  /** Stable snake_case code clients may switch on. */
  code: string;
  /** One sentence telling the writer what to add or change. */
  message: string;
}

export interface NoteLint {
  grade: NoteGrade;
  hints: NoteHint[];
}

export interface NoteContext {
  /** The status's L1 id; null when not chosen yet (only the generic checks run). */
  l1: string | null;
  l2?: string | null;
}

/** poor findings set the grade; marginal ones feed the learned grade; advice never lowers it. */
type Severity = "poor" | "marginal" | "advice";
export interface Finding extends NoteHint {
  severity: Severity;
}

/** More sentences than this buries the intent (guidance: about two, warn past three). */
const MAX_SENTENCES = 3;
/** A run-on note of this many words buries the intent even in few sentences. */
const MAX_WORDS = 60;
/**
 * Past these the reason is buried whatever else the note says (the playbook's
 * marginal "buried in unrelated detail"); every such training note is marginal.
 */
const BURIED_SENTENCES = 4;
const BURIED_WORDS = 80;
/** Below this many informative words a Blocked or No Intent reason names no specific cause. */
const MIN_REASON_WORDS = 4;

/**
 * Grades a note. The rules alone decide poor (a save of Blocked or No Intent
 * is refused on it); between great and marginal the learned grader decides,
 * reading the rules' findings with the words. A marginal grade with no
 * finding to show gets the generic hint to be specific.
 */
export function lintNote(
  note: string,
  context: NoteContext,
  grader: NoteGrader = defaultNoteGrader,
): NoteLint {
  const findings = lintFindings(note, context);
  const hints = findings.map(({ code, message }) => ({ code, message }));
  if (findings.some((finding) => finding.severity === "poor")) return { grade: "poor", hints };
  const marginalCodes = findings
    .filter((finding) => finding.severity === "marginal")
    .map((finding) => finding.code);
  const buried = splitSentences(note).length > BURIED_SENTENCES || countWords(note) > BURIED_WORDS;
  if (!buried && !grader(note, { l1: context.l1 ?? null, marginalCodes })) return { grade: "great", hints };
  if (marginalCodes.length === 0) hints.push(notSpecific);
  return { grade: "marginal", hints };
}

const notSpecific: NoteHint = {
  code: "reason_not_specific",
  message:
    "Say it plainly and specifically: what the customer intends, the one main reason, and what would change it.",
};

/** The rule findings of a note, each with the severity the rules give it (training reads them too). */
export function lintFindings(note: string, context: NoteContext): Finding[] {
  return findingsFor(note, context);
}

function findingsFor(note: string, context: NoteContext): Finding[] {
  const folded = foldText(note);
  if (folded === "") {
    return [poor("note_empty", "Write the note: whether the customer means to use the service, and why.")];
  }
  if (saysNothing(note)) {
    return [
      poor(
        "no_meaning",
        "This reads as placeholder or keyboard text: write whether the customer means to use the service, and why.",
      ),
    ];
  }
  const l1 = context.l1 ?? null;
  const l2 = context.l2 ?? null;
  const tokens = wordTokens(folded.replace(EMPTY_PHRASES, " "));
  const taxonomyWords = [...(l1 ? l1.split("_") : []), ...(l2 ? l2.split("_") : [])];
  const informative = informativeScore(note, tokens, taxonomyWords);

  const usageFigure = /\d\s*%|\busage\b|\bactive\b/.test(folded);
  if (usageFigure && informativeScore(note, tokens, [...taxonomyWords, ...USAGE_WORDS]) === 0) {
    return [
      poor(
        "usage_only",
        "A usage figure is not a status note: say what the customer intends and why usage is where it is.",
      ),
    ];
  }
  if (informative === 0) return [poor("status_only", statusOnlyMessage(l1))];

  const sentences = splitSentences(note);
  const logistics = sentences.filter((sentence) => isLogistics(foldText(sentence)));
  if (
    logistics.length > 0 &&
    logistics.length === sentences.length &&
    !hasIntent(withoutLogistics(folded), l1)
  ) {
    return [
      poor(
        "logistics_only",
        "This is engagement logistics: put meetings and calls in an Engagement Management note, and state the intent and its reason here.",
      ),
    ];
  }

  const findings: Finding[] = [];
  if (logistics.length > 0 || MEETING_NARRATIVE.test(folded)) {
    findings.push(
      marginal(
        "logistics_mixed",
        "Move meeting and call scheduling to an Engagement Management note; keep this note to intent and reason.",
      ),
    );
  }
  if (sentences.length > MAX_SENTENCES || countWords(note) > MAX_WORDS) {
    findings.push(
      marginal(
        "too_long",
        "Keep it to about two sentences so the intent and the main reason stand out; move history to another note type.",
      ),
    );
  }
  // Status Unknown is itself "not known yet", so hedging there adds no ambiguity.
  if (l1 !== "status_unknown") {
    const hedge = HEDGES.find(({ pattern }) => pattern.test(folded));
    if (hedge) {
      findings.push(
        marginal(
          "hedge_word",
          `"${hedge.label}" leaves the reader unsure whether this will last: state the situation plainly, and the date or condition if it changes.`,
        ),
      );
    }
  }
  findings.push(...l1Findings(folded, informative, l1, l2));
  return findings;
}

function l1Findings(folded: string, informative: number, l1: string | null, l2: string | null): Finding[] {
  switch (l1) {
    case "blocked":
      return blockedFindings(folded, informative);
    case "no_intent":
      return noIntentFindings(folded, informative);
    case "status_unknown":
      return statusUnknownFindings(folded, l2, informative);
    case "in_progress":
      return inProgressFindings(folded, informative);
    case "duplicate_invalid":
      return INTENT_CUES.duplicate_invalid!.test(folded) || informative >= 6
        ? []
        : [
            marginal(
              "invalid_reason_missing",
              "Say why these seats are not real: a duplicate count, fraud, licences remapped, a test tenant or a reporting mismatch.",
            ),
          ];
    default:
      return informative < 2
        ? [marginal("too_vague", "Add the specifics: what the customer intends and the main reason.")]
        : [];
  }
}

function blockedFindings(folded: string, informative: number): Finding[] {
  const findings: Finding[] = [];
  if (!INTENT_CUES.blocked!.test(folded)) {
    findings.push(
      marginal(
        "intent_missing",
        'Say plainly that deployment is blocked ("blocked", "unable", "cannot") and by what.',
      ),
    );
  }
  findings.push(
    ...reasonFindings(folded, informative, "what stops deployment (the device, setting, rule or gap)"),
  );
  if (COVID_CUE.test(folded) && folded.includes("#covid")) {
    findings.push(
      marginal(
        "covid_tag_on_pause",
        "A COVID pause is recorded as Blocked / IT Change Management and Resourcing / COVID without the #covid tag.",
      ),
    );
  }
  if (!UNBLOCK_CUE.test(folded)) {
    findings.push(
      advice("unblock_condition_missing", "Say what would clear the blocker, or when it should clear."),
    );
  }
  return findings;
}

function noIntentFindings(folded: string, informative: number): Finding[] {
  const findings: Finding[] = [];
  if (!INTENT_CUES.no_intent!.test(folded)) {
    findings.push(
      marginal(
        "intent_missing",
        'State the absence of intent plainly ("no intent", "not interested", "no need").',
      ),
    );
  }
  findings.push(
    ...reasonFindings(
      folded,
      informative,
      "why they do not want it (rival product, no sponsor, on-premises)",
    ),
  );
  if (DECLINES_HELP.test(folded)) {
    findings.push(
      marginal(
        "help_declined_is_not_no_intent",
        "Declining FastTrack help is not No Intent: if the customer deploys on its own or with a partner, record In Progress.",
      ),
    );
  }
  if (TEMPORARY_CUE.test(folded)) {
    findings.push(
      marginal(
        "no_intent_temporary",
        "No Intent means the customer will never deploy: if this depends on an event, give the reason for no intent now or consider Blocked.",
      ),
    );
  }
  return findings;
}

function reasonFindings(folded: string, informative: number, what: string): Finding[] {
  if (informative >= MIN_REASON_WORDS) return [];
  return REASON_MARKER.test(folded)
    ? [marginal("too_vague", `Be specific about the cause: name ${what}.`)]
    : [marginal("reason_missing", `Give the primary reason: ${what}.`)];
}

function statusUnknownFindings(folded: string, l2: string | null, informative: number): Finding[] {
  const unresponsive =
    l2 === "customer_unresponsive" || (l2 === null && !/\bnew|purchas|bought|added/.test(folded));
  if (!unresponsive) {
    if (informative < 3) {
      return [
        marginal("too_vague", "Name the new subscription or workload, how many seats, and when it arrived."),
      ];
    }
    return /\b(?:new\w*|just|recent\w*|added|purchas\w*|bought|scope|renew\w*|acquir\w*|additional|extra|more|upgrad\w*|trial|e[35]|sku|bundle)\b/.test(
      folded,
    )
      ? []
      : [
          marginal(
            "new_scope_missing",
            "Name the new subscription or workload whose intent is not known, and when it arrived.",
          ),
        ];
  }
  const findings: Finding[] = [];
  if (!(EXACT_NUMBER.test(folded) && ATTEMPT_WORD.test(folded))) {
    findings.push(
      marginal(
        "attempts_missing",
        'Say how many attempts were made (for example "4 attempts"), not just that the customer did not answer.',
      ),
    );
  }
  if (!CHANNEL_WORD.test(folded)) {
    findings.push(
      advice("channels_missing", "Say which channels were tried: email, phone, the account team."),
    );
  }
  if (!MANAGED_ACCOUNT.test(folded)) {
    findings.push(marginal("account_type_missing", "Say whether the account is managed or unmanaged."));
  }
  return findings;
}

function inProgressFindings(folded: string, informative: number): Finding[] {
  const findings: Finding[] = [];
  if (!PHASE_CUE.test(folded)) {
    findings.push(
      marginal(
        "phase_missing",
        "Say where the deployment stands (kickoff, pilot, migration, adoption) and what comes next.",
      ),
    );
  } else if (informative < 2) {
    findings.push(
      marginal("too_vague", "Add the detail: what is done, what comes next, and which workload goes first."),
    );
  }
  if (COVID_CUE.test(folded) && !folded.includes("#covid")) {
    findings.push(marginal("covid_tag_missing", "Tag a COVID-driven acceleration with #covid."));
  }
  return findings;
}

/**
 * How much the note says beyond its own status: words that are not function words,
 * status or taxonomy words, fillers or hedges. Acronyms, version numbers and
 * product names written with capitals (SKU, ADFS, 2010, Gmail) count double,
 * since they are the specifics a reader acts on. A second service name counts:
 * "Teams waits for Exchange" names a dependency.
 */
function informativeScore(note: string, tokens: string[], taxonomyWords: string[]): number {
  const named = namedTokens(note);
  let score = 0;
  let services = 0;
  for (const token of tokens) {
    if (token.endsWith("%") || /^\d{1,2}(?:\.\d+)?$/.test(token)) continue; // figures, not reasons
    const bare = token.replace(/^#/, "");
    if (SERVICE_WORDS.has(bare)) {
      services += 1;
      if (services > 1) score += 1;
      continue;
    }
    const acronym =
      named.has(bare) && /^[a-z]{2,3}$/.test(bare) && new RegExp(`\\b${bare.toUpperCase()}\\b`).test(note);
    if (acronym && !STATUS_WORDS.has(bare) && !restatesTaxonomy(bare, taxonomyWords)) {
      score += 2;
      continue;
    }
    if (
      bare.length < 2 ||
      STOP_WORDS.has(bare) ||
      STATUS_WORDS.has(bare) ||
      VAGUE_WORDS.has(bare) ||
      restatesTaxonomy(bare, taxonomyWords) ||
      isHedgeWord(bare)
    ) {
      continue;
    }
    score += named.has(bare) ? 2 : 1;
  }
  return score;
}

/** "licence" restates "licensing", "apps" restates "app", "infra" restates "infrastructure". */
function restatesTaxonomy(token: string, taxonomyWords: string[]): boolean {
  const word = token.replace(/licenc/g, "licens");
  return taxonomyWords.some(
    (taxonomy) =>
      word === taxonomy ||
      word.replace(/s$/, "") === taxonomy ||
      (word.length >= 4 && taxonomy.startsWith(word)) ||
      (taxonomy.length >= 6 && word.startsWith(taxonomy.slice(0, 6))),
  );
}

const HEDGE_WORDS = new Set(
  "now currently yet moment time being right temporarily maybe perhaps possibly probably sure".split(" "),
);
function isHedgeWord(token: string): boolean {
  return HEDGE_WORDS.has(token);
}

/** Acronyms (SKU, ADFS), tokens with digits (2010, E5) and capitalised words inside a sentence. */
function namedTokens(note: string): Set<string> {
  const named = new Set<string>();
  for (const sentence of splitSentences(note)) {
    const words = sentence.match(/[A-Za-z0-9][A-Za-z0-9'.-]*/g) ?? [];
    words.forEach((word, position) => {
      const clean = word.replace(/[.'-]+$/, "");
      const acronym = /^[A-Z0-9]{2,}s?$/.test(clean) && /[A-Z]/.test(clean);
      const withDigit = /\d/.test(clean) && /[a-z]/i.test(clean);
      const capitalised = position > 0 && /^[A-Z][a-z]+[A-Z]?[a-z]*$/.test(clean);
      if (acronym || withDigit || capitalised || /^\d{3,}$/.test(clean)) named.add(foldText(clean));
    });
  }
  return named;
}

function hasIntent(folded: string, l1: string | null): boolean {
  if (l1 && INTENT_CUES[l1]) return INTENT_CUES[l1].test(folded);
  return Object.values(INTENT_CUES).some((cue) => cue.test(folded));
}

const SCHEDULING_ALL = new RegExp(SCHEDULING_VERB.source, "g");
const MEETING_ALL = new RegExp(MEETING_NOUN.source, "g");
/** The note without its scheduling words, so "kickoff booked" does not read as In Progress intent. */
function withoutLogistics(folded: string): string {
  return folded.replace(SCHEDULING_ALL, " ").replace(MEETING_ALL, " ");
}

function isLogistics(foldedSentence: string): boolean {
  return SCHEDULING_VERB.test(foldedSentence) && MEETING_NOUN.test(foldedSentence);
}

function statusOnlyMessage(l1: string | null): string {
  switch (l1) {
    case "blocked":
      return "The note only repeats the status: say what blocks deployment, the limitation, and what would clear it.";
    case "no_intent":
      return "The note only repeats the status: say why the customer has no intent, with the specifics.";
    case "status_unknown":
      return "The note only repeats the status: give the number of attempts, the channels tried, and whether the account is managed.";
    case "in_progress":
      return "The note only repeats the status: say which phase the deployment is in and what comes next.";
    case "duplicate_invalid":
      return "The note only repeats the status: say why the seats are a duplicate or invalid.";
    default:
      return "The note only repeats a status: add the intent and the main reason.";
  }
}

const poor = (code: string, message: string): Finding => ({ code, message, severity: "poor" });
const marginal = (code: string, message: string): Finding => ({ code, message, severity: "marginal" });
const advice = (code: string, message: string): Finding => ({ code, message, severity: "advice" });
