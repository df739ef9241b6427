/**
 * Small text helpers shared by the note linter and the suggester. They work on
 * plain strings only, so they run the same in the server, the CLI and the browser.
 */

/** Lower-cases, folds accents and typographic quotes, and collapses white space. */
export function foldText(note: string): string {
  // Plain ASCII has no accents or typographic quotes to fold: skip the costly Unicode steps.
  const unicode = /[^ -~\s]/.test(note) ? foldUnicode(note) : note;
  return unicode.toLowerCase().replace(/\s+/g, " ").trim();
}

function foldUnicode(note: string): string {
  return note
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, " - ");
}

/**
 * Splits a note into sentences. Full stops inside numbers ("2.5"), common
 * abbreviations ("e.g.", "approx.") and dotted versions do not end a sentence;
 * semicolons do not either, because the playbook's own slot templates use them
 * inside one sentence.
 */
export function splitSentences(note: string): string[] {
  const protectedText = note
    .replace(/\b(e\.g|i\.e|etc|approx|vs|incl|no|mr|ms|dr)\./gi, (match) => match.replace(/\./g, "\uE000"))
    .replace(/(\d)\.(\d)/g, "$1\uE000$2");
  return protectedText
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.replace(/\uE000/g, ".").trim())
    .filter((sentence) => /[a-z0-9]/i.test(sentence));
}

/** Word tokens of a folded note, keeping digits, "%" and "#tags" as single tokens. */
export function wordTokens(folded: string): string[] {
  return folded.match(/#?[a-z0-9]+(?:['.][a-z0-9]+)*%?/g) ?? [];
}

/** Counts words the way a reader would (tokens separated by white space). */
export function countWords(note: string): number {
  const trimmed = note.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/).length;
}
