/**
 * A deliberately small suffix stripper: enough to make "licences", "licensing" and
 * "licensed" one feature, or "migrate", "migrated", "migrating" and "migration".
 * A full Porter stemmer would do more, but every rule here is easy to predict when
 * reading the evidence the suggester shows.
 */
export function stemWord(word: string): string {
  if (word.length <= 3 || /[0-9_#]/.test(word)) return word;
  let stem = word.replace(/licenc/g, "licens").replace(/'s$/, "");
  if (stem.endsWith("ies") && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith("sses")) stem = stem.slice(0, -2);
  else if (stem.endsWith("s") && !/(?:ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);

  if (stem.endsWith("ation") && stem.length > 7) stem = `${stem.slice(0, -5)}at`;
  else if (stem.endsWith("ing") && stem.length > 5) stem = undouble(stem.slice(0, -3));
  else if (stem.endsWith("ed") && stem.length > 4) stem = undouble(stem.slice(0, -2));
  else if (stem.endsWith("ly") && stem.length > 5) stem = stem.slice(0, -2);

  if (stem.endsWith("e") && stem.length > 4) stem = stem.slice(0, -1);
  return stem;
}

/** "plann" -> "plan", "runn" -> "run"; keeps "ll" and "ss" ("install", "process"). */
function undouble(stem: string): string {
  return /([^aeiouls])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}
