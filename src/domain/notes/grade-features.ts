import { extractFeatures, type FeatureOptions, type NoteFeatures } from "../suggest/note-features.ts";
import { countWords, splitSentences } from "./note-text.ts";

/** Words, word pairs and concepts; no character n-grams or workload (they said nothing about quality). */
export const GRADE_FEATURE_OPTIONS: FeatureOptions = {
  bigrams: true,
  concepts: true,
  charGrams: false,
  charGramMin: 3,
  charGramMax: 5,
  workload: false,
};

export interface RuleReading {
  l1: string | null;
  /** The codes of the rule findings that would lower the grade to marginal. */
  marginalCodes: readonly string[];
}

/**
 * What the learned grade weighs: the note's words as the suggester reads
 * them, plus `r:` features for the rule findings (alone and per L1), the L1,
 * and the note's length in words and sentences. The rules find what the
 * playbook names (no attempts, hedges, logistics); the words let the model
 * learn what independent writers call vague.
 */
export function gradeFeatures(note: string, reading: RuleReading): NoteFeatures {
  const features = extractFeatures(note, null, GRADE_FEATURE_OPTIONS);
  const add = (name: string) => features.counts.set(name, (features.counts.get(name) ?? 0) + 1);
  const l1 = reading.l1 ?? "none";
  for (const code of reading.marginalCodes) {
    add(`r:${code}`);
    add(`r:${l1}:${code}`);
  }
  add(reading.marginalCodes.length > 0 ? "r:grade_marginal" : "r:grade_great");
  add(`r:l1_${l1}`);
  add(`r:words_${Math.min(12, Math.floor(countWords(note) / 5))}`);
  add(`r:sentences_${Math.min(6, splitSentences(note).length)}`);
  return features;
}
