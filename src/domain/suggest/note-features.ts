import { foldText } from "../notes/note-text.ts";
import { ABBREVIATIONS, CONCEPTS, NEGATION_CUES, SCOPE_BREAKERS } from "./domain-vocabulary.ts";
import { CUE_NEGATION, PARTNER_BEFORE, STATUS_CUES } from "./status-cues.ts";
import { stemWord } from "./stem-word.ts";

/**
 * Turns a note into sparse features the classifier weighs. Feature names carry a
 * prefix so the evidence can say what kind of signal it was:
 *
 * - `w:` a stemmed word, `w:not_` the same word inside a negation ("not a licensing
 *   problem" gives `w:not_licens`, never `w:licens`)
 * - `b:` two neighbouring content words in the same clause
 * - `c:` a playbook concept (network, licensing, ...), `c:not_` when negated
 * - `g:` character n-grams of words outside negations, so typos ("firwall",
 *   "licencing") still share most of their features with the right spelling
 * - `l:` a status cue (status-cues.ts): a phrase that says the L1, `l:not_` when negated
 * - `s:` the workload, when the caller knows it
 */

export interface FeatureOptions {
  bigrams: boolean;
  concepts: boolean;
  charGrams: boolean;
  /** Shortest and longest character n-gram. */
  charGramMin: number;
  charGramMax: number;
  workload: boolean;
  /** Status cues; absent in models trained before them. */
  statusCues?: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  bigrams: true,
  concepts: true,
  charGrams: true,
  charGramMin: 3,
  charGramMax: 5,
  workload: true,
  statusCues: true,
};

export interface NoteFeatures {
  /** Feature name -> count in this note. */
  counts: Map<string, number>;
  /** Feature name -> the words of the note it came from, for evidence. */
  surface: Map<string, string>;
}

/** How many content words a negation cue reaches ("not a licensing or billing issue"). */
const NEGATION_REACH = 3;

const STOP_WORDS = new Set(
  `a an the and or of to in on at by for from with into onto over under about is are was were be been being am
  do does did done has have had having it this that these those there here them we us our you your he she his her
  i me my so than then too very also just only even will would shall should can could may might must any all some
  each every both either more most such what which who whom whose when where why how if once same own s t let get
  got gets one etc eg ie per via re up out off again further after during still now already then their they
  its our`.split(/\s+/),
);

const ABBREVIATION_PATTERN = new RegExp(
  `(?<![\\w#-])(?:${Object.keys(ABBREVIATIONS)
    .sort((a, b) => b.length - a.length)
    .map((key) => key.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
    .join("|")})(?![\\w-])`,
  "g",
);

/** Concept lookups by stemmed word and by stemmed word pair, built once. */
const CONCEPT_BY_WORD = new Map<string, string>();
const CONCEPT_BY_PAIR = new Map<string, string>();
for (const [concept, entries] of Object.entries(CONCEPTS)) {
  for (const entry of entries) {
    const words = tokenize(normalize(entry)).map(stemWord);
    if (words.length === 1) CONCEPT_BY_WORD.set(words[0]!, concept);
    if (words.length === 2) CONCEPT_BY_PAIR.set(`${words[0]} ${words[1]}`, concept);
  }
}

export function extractFeatures(
  note: string,
  workload: string | null | undefined,
  options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
): NoteFeatures {
  const counts = new Map<string, number>();
  const surface = new Map<string, string>();
  const add = (name: string, text?: string) => {
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (text !== undefined && !surface.has(name)) surface.set(name, text);
  };

  const normalized = normalize(note);
  if (options.statusCues) addStatusCues(normalized, add);
  for (const clause of splitClauses(normalized)) {
    let negationLeft = 0;
    let previous: { feature: string; stem: string; word: string; negated: boolean } | null = null;
    for (const raw of tokenize(clause)) {
      if (NEGATION_CUES.has(raw)) {
        negationLeft = NEGATION_REACH;
        continue;
      }
      if (SCOPE_BREAKERS.has(raw)) negationLeft = 0;
      if (STOP_WORDS.has(raw) || SCOPE_BREAKERS.has(raw)) continue;
      const word = numberClass(raw) ?? raw;
      const stem = stemWord(word);
      const negated = negationLeft > 0;
      if (negated) negationLeft -= 1;
      const feature = `${negated ? "not_" : ""}${stem}`;
      add(`w:${feature}`, negated ? `not ${raw}` : raw);

      if (options.concepts) {
        const concept = CONCEPT_BY_WORD.get(stem);
        if (concept) add(`c:${negated ? "not_" : ""}${concept}`, negated ? `not ${raw}` : raw);
        if (previous) {
          const pairConcept = CONCEPT_BY_PAIR.get(`${previous.stem} ${stem}`);
          if (pairConcept) {
            const pairNegated = previous.negated || negated;
            add(`c:${pairNegated ? "not_" : ""}${pairConcept}`, `${previous.word} ${raw}`);
          }
        }
      }
      if (options.bigrams && previous) add(`b:${previous.feature}_${feature}`, `${previous.word} ${raw}`);
      if (options.charGrams && !negated && !word.startsWith("<") && word.length >= options.charGramMin) {
        const padded = `<${word}>`;
        for (let n = options.charGramMin; n <= options.charGramMax; n += 1) {
          for (let start = 0; start + n <= padded.length; start += 1)
            add(`g:${padded.slice(start, start + n)}`, raw);
        }
      }
      previous = { feature, stem, word: raw, negated };
    }
  }
  if (options.workload && workload) add(`s:${workload}`, `workload ${workload}`);
  return { counts, surface };
}

function addStatusCues(text: string, add: (name: string, text?: string) => void): void {
  for (const [name, pattern] of Object.entries(STATUS_CUES)) {
    for (const match of text.matchAll(pattern)) {
      const before = text.slice(Math.max(0, match.index - 60), match.index);
      const negated = CUE_NEGATION.test(before.slice(-30));
      const cue = name === "unresponsive" && PARTNER_BEFORE.test(before) ? "partner_unresponsive" : name;
      add(`l:${negated ? "not_" : ""}${cue}`, negated ? `not ${match[0]}` : match[0]);
    }
  }
}

/** Folds case and accents, expands contractions, and rewrites shorthand to canonical words. */
export function normalize(note: string): string {
  // "IT" in capitals is the IT department, not the pronoun; keep it before folding case.
  return foldText(note.replace(/\bI\.?T\.?(?=[\s,;:.)'-]|$)/g, "it_dept"))
    .replace(/\bwon't\b/g, "will not")
    .replace(/\bcan't\b|\bcannot\b/g, "can not")
    .replace(/\b(\w+)n't\b/g, "$1 not")
    .replace(/\b(isnt|doesnt|dont|didnt|cant|wont|arent|hasnt|havent|wasnt|couldnt|wouldnt)\b/g, (match) =>
      match === "cant" ? "can not" : match === "wont" ? "will not" : `${match.slice(0, -2)} not`,
    )
    .replace(ABBREVIATION_PATTERN, (match) => ABBREVIATIONS[match] ?? match);
}

/** Clauses end at sentence punctuation, commas, brackets and spaced dashes; negation never crosses them. */
function splitClauses(text: string): string[] {
  return text.split(/[.;:!?,]+(?=\s|$)|[()[\]"]|\s[-\u2013]+\s|\s\/\s|\n/);
}

function tokenize(text: string): string[] {
  return (text.match(/[a-z0-9_#%]+(?:['.-][a-z0-9_]+)*/g) ?? []).map((token) => token.replace(/'s$/, ""));
}

/** Numbers carry their kind, not their value: "4 attempts" and "6 attempts" read the same. */
function numberClass(token: string): string | null {
  if (/^\d+(?:\.\d+)?%$/.test(token)) return "<percent>";
  if (/^(?:19|20)\d\d$/.test(token)) return "<year>";
  if (/^\d+(?:[.,]\d+)*[kx]?$/.test(token)) return "<number>";
  return null;
}
