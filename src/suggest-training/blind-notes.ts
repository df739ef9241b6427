import { z } from "zod";
import { type CorpusNote, corpusNoteSchema } from "./corpus-note.ts";

/**
 * The blind evaluation set (corpus/blind/*.jsonl, see its README): notes written by
 * writers who never saw the corpus or the model. Evaluation only: never train,
 * calibrate or tune on them. Same fields as the corpus, without `split` and with
 * `hard`, the kind of difficulty the writer built into the note (null: none).
 */
export const HARD_KINDS = ["boundary", "misleading_keyword", "negation", "abbreviations"] as const;

export type HardKind = (typeof HARD_KINDS)[number];

export const blindNoteSchema = corpusNoteSchema
  .omit({ split: true })
  .extend({ hard: z.enum(HARD_KINDS).nullable() })
  .strict();

export type BlindNote = z.infer<typeof blindNoteSchema>;

/** Parses one blind-set JSON Lines file, naming the file and line of the first bad record. */
export function parseBlindNotes(jsonl: string, source = "blind set"): BlindNote[] {
  return jsonl
    .split("\n")
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== "")
    .map(({ line, number }) => {
      const parsed = blindNoteSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${source} line ${number}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/**
 * A blind note in the corpus's shape, for the evaluation functions. Its split is
 * "heldout": no training, calibration or tuning sees it.
 */
export function blindAsCorpusNote({ hard: _hard, ...note }: BlindNote): CorpusNote {
  return { ...note, split: "heldout" };
}

/**
 * Blind notes of fewer words than this are stock phrases ("Blocked", "no intent.",
 * "usage 0.0%", "Security review pending"): both sets legitimately hold them, so they
 * are not checked at all. 61 of the 440 blind notes, 54 of them poor.
 */
export const MIN_CHECKED_WORDS = 4;

/**
 * Near copies are looked for from this many words on. Shorter notes have only one to
 * three word 3-grams, so a single changed word would swing the measure between 0
 * and 1; 4- and 5-word notes are checked for equal text only.
 */
export const MIN_NEAR_COPY_WORDS = 6;

/**
 * Near copy: word 3-grams, which catch a note copied with a word or two changed,
 * reordered clauses or added punctuation, but not two notes that merely share the
 * playbook's vocabulary ("blocked", "tenant", "licensing"), as single words would.
 * Two measures over the blind note's 3-grams:
 * - Jaccard with a corpus note's >= 0.6: a copy with about one word in six edited;
 * - containment (share found in one corpus note) >= 0.8: a copy pasted into a longer
 *   note, which Jaccard would dilute.
 * On the committed files the highest values for blind notes of 6+ words are 0.42 and
 * 0.52, both from two paraphrases of the playbook's own Outlook Mobile "Invalid"
 * example, so the thresholds leave a margin for honest paraphrase of the playbook.
 */
export const NEAR_COPY_JACCARD = 0.6;
export const NEAR_COPY_CONTAINMENT = 0.8;

/** Lower case, accents folded, every run of punctuation and whitespace one space. */
export function normalizeNoteText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function wordTrigrams(words: string[]): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i += 1) grams.add(words.slice(i, i + 3).join(" "));
  return grams;
}

export interface BlindLeak {
  blindId: string;
  corpusId: string;
  kind: "equal" | "near";
  jaccard: number;
  containment: number;
}

/**
 * Every blind note that a corpus note equals (after `normalizeNoteText`) or nearly
 * copies (see NEAR_COPY_JACCARD); empty when the blind set is clean.
 */
export function findBlindLeaks(
  blind: readonly { id: string; note: string }[],
  corpus: readonly { id: string; note: string }[],
): BlindLeak[] {
  const prepared = corpus.map((note) => {
    const text = normalizeNoteText(note.note);
    return { id: note.id, text, grams: wordTrigrams(text.split(" ")) };
  });
  const leaks: BlindLeak[] = [];
  for (const note of blind) {
    const text = normalizeNoteText(note.note);
    const words = text === "" ? [] : text.split(" ");
    if (words.length < MIN_CHECKED_WORDS) continue;
    const grams = wordTrigrams(words);
    for (const other of prepared) {
      if (other.text === text) {
        leaks.push({ blindId: note.id, corpusId: other.id, kind: "equal", jaccard: 1, containment: 1 });
        continue;
      }
      if (words.length < MIN_NEAR_COPY_WORDS) continue;
      let shared = 0;
      for (const gram of grams) if (other.grams.has(gram)) shared += 1;
      const jaccard = shared / (grams.size + other.grams.size - shared);
      const containment = shared / grams.size;
      if (jaccard >= NEAR_COPY_JACCARD || containment >= NEAR_COPY_CONTAINMENT)
        leaks.push({ blindId: note.id, corpusId: other.id, kind: "near", jaccard, containment });
    }
  }
  return leaks;
}
