import { lintNote } from "../../domain/notes/lint-note.ts";
import { noteHintIn } from "../../domain/notes/note-hint-text.ts";
import type { PlaybookIndex } from "../../domain/playbook/playbook-index.ts";
import { confidenceBand } from "../../domain/suggest/confidence-band.ts";
import { defaultSuggester } from "../../domain/suggest/default-model.ts";
import type { StatusSuggestion } from "../../http/schemas/suggest.ts";
import { onePer } from "../../one-per.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireActor } from "../auth/authorize-actor.ts";

export interface SuggestStatusInput {
  note: string;
  /** Service id, name or code the note is about, when known. */
  workload?: string | null;
  /** The L1 the writer chose, if any: the note is graded for it rather than for the suggestion. */
  l1?: string | null;
  l2?: string | null;
}

// One suggester per loaded playbook: building it decodes the model's weights once.
const suggesterOf = onePer((index: PlaybookIndex) => defaultSuggester(index));

/**
 * Proposes L1/L2/L3 for a status note and grades the note, offline, in well
 * under a millisecond; for anyone signed in with a role of the playbook.
 */
export function suggestStatus(deps: AppDeps, actor: Actor, input: SuggestStatusInput): StatusSuggestion {
  requireActor(deps, actor);
  const index = deps.playbook.index;
  const suggestion = suggesterOf(index).suggest(input.note, input.workload ?? null);
  const chosenL1 = input.l1 ? (index.findL1(input.l1)?.id ?? input.l1) : null;
  const lint = lintNote(input.note, {
    l1: chosenL1 ?? suggestion.l1,
    l2: chosenL1 ? (input.l2 ?? null) : suggestion.l2,
  });
  // The hints in the asker's language; their codes stay the same.
  const language = actor.language ?? "en";
  const hints = lint.hints.map((hint) => ({ code: hint.code, message: noteHintIn(language, hint) }));
  return { ...suggestion, band: confidenceBand(suggestion.confidence), grade: lint.grade, hints };
}
