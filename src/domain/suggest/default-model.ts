import type { PlaybookIndex } from "../playbook/playbook-index.ts";
import { createSuggester, type Suggester } from "./create-suggester.ts";
import model from "./model.json" with { type: "json" };
import type { SuggestModel } from "./suggest-model.ts";

/**
 * The model trained by `npm run train:suggest` from corpus/notes.jsonl, bundled as
 * JSON so the server, the CLI and the browser use the same one offline.
 */
export const defaultSuggestModel = model as unknown as SuggestModel;

/** A suggester over the bundled model; pass the playbook index to check L3s against the live playbook. */
export function defaultSuggester(index?: PlaybookIndex): Suggester {
  return createSuggester(defaultSuggestModel, index);
}
