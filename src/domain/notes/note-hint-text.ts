import type { Language } from "../i18n/languages.ts";
import { noteHintMessagesDe } from "../i18n/note-hint-messages-de.ts";
import { type NoteHintCode, noteHintMessagesEn } from "../i18n/note-hint-messages-en.ts";
import type { Texts } from "../i18n/texts.ts";
import type { NoteHint } from "./lint-note.ts";

const catalogues: Record<Language, Texts<NoteHintCode>> = { en: noteHintMessagesEn, de: noteHintMessagesDe };

/**
 * A linter hint for a reader of `language`: in English the linter's own
 * sentence (it may name the words it found), in another language the
 * catalogue's sentence for its code. The linter reads English cues either way.
 */
export function noteHintIn(language: Language, hint: NoteHint): string {
  if (language === "en") return hint.message;
  return catalogues[language]?.[hint.code as NoteHintCode] ?? hint.message;
}
