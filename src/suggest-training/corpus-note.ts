import { z } from "zod";

/**
 * One labelled note of the training corpus (corpus/notes.jsonl). Labels are
 * playbook ids. `l2` is null for Duplicate/Invalid (which has no L2) and for poor
 * notes that say nothing about their L2 ("Blocked."): they still teach the L1.
 * `l3` is null when no specific L3 fits the note. `quality` is a person's grade of
 * the note under the playbook's notes guidance, used to check the linter.
 */
export const corpusNoteSchema = z.object({
  id: z.string().min(1),
  note: z.string(),
  workload: z.string().nullable(),
  l1: z.string().min(1),
  l2: z.string().nullable(),
  l3: z.string().nullable(),
  quality: z.enum(["great", "marginal", "poor"]),
  split: z.enum(["train", "heldout"]),
});

export type CorpusNote = z.infer<typeof corpusNoteSchema>;

/** Parses a JSON Lines corpus, naming the line of the first bad record. */
export function parseCorpus(jsonl: string): CorpusNote[] {
  return jsonl
    .split("\n")
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== "")
    .map(({ line, number }) => {
      const parsed = corpusNoteSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`corpus line ${number}: ${parsed.error.message}`);
      return parsed.data;
    });
}
