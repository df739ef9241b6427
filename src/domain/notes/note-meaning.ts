import { foldText, wordTokens } from "./note-text.ts";

/**
 * Text a keyboard or a template produces, not a writer: the rows of the
 * keyboard, placeholder Latin, and test words. A note made only of these
 * (and of letters repeated or without a vowel) says nothing, however many
 * words it has, so the linter grades it poor and Suggest proposes nothing.
 */
const FILLER = new Set([
  // keyboard runs
  "asdf",
  "asdfg",
  "asdfgh",
  "asdfghjkl",
  "sdf",
  "jkl",
  "hjkl",
  "qwe",
  "qwer",
  "qwert",
  "qwerty",
  "qwertz",
  "azerty",
  "uiop",
  "zxc",
  "zxcv",
  "zxcvb",
  "zxcvbn",
  "wasd",
  // placeholder Latin
  "lorem",
  "ipsum",
  "dolor",
  "sit",
  "amet",
  "consectetur",
  "adipiscing",
  "elit",
  "sed",
  "eiusmod",
  "tempor",
  "incididunt",
  "labore",
  "dolore",
  "magna",
  "aliqua",
  // test words
  "test",
  "testing",
  "tbd",
  "tba",
  "foo",
  "bar",
  "baz",
  "blah",
  "xyz",
  "abc",
]);

/** A token of one or two letters repeated ("aaaa", "jfjfjf") or with no vowel at all ("qwrt"). */
function isNoise(token: string): boolean {
  if (/^(.)\1{2,}$/.test(token) || /^(..)\1{1,}$/.test(token)) return true;
  return /^[a-z]+$/.test(token) && !/[aeiouy]/.test(token);
}

/**
 * True when no word of the note can carry meaning: every token is filler,
 * noise or a number. An acronym written in capitals (CSP, DLP, PSTN) is a
 * word, not noise, even without a vowel.
 */
export function saysNothing(note: string): boolean {
  const tokens = wordTokens(foldText(note));
  if (tokens.length === 0) return false; // blank is the linter's own case
  const acronyms = new Set((note.match(/\b[A-Z][A-Z0-9]{1,5}\b/g) ?? []).map((word) => word.toLowerCase()));
  return tokens.every((token) => {
    const bare = token.replace(/^#/, "").replace(/%$/, "");
    if (/^\d[\d.,:/-]*$/.test(bare)) return true;
    if (acronyms.has(bare)) return false;
    return FILLER.has(bare) || isNoise(bare);
  });
}
