/** A catalogue of sentences: keys to templates, nested by area (the web's) or flat (the rules'). */
export interface Catalogue {
  readonly [key: string]: string | Catalogue;
}

export interface CatalogueGap {
  key: string;
  problem: "missing" | "empty" | "placeholders_differ" | "extra";
}

/** Every key as a dotted path with its template: {a: {b: "x"}} -> [["a.b", "x"]]. */
export function flattenCatalogue(catalogue: Catalogue, prefix = ""): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : flattenCatalogue(value, `${prefix}${key}.`),
  );
}

/** The `{name}` and `{{name}}` placeholders of a template, sorted. */
function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{?\s*(\w+)[^}]*\}\}?/g)].map((match) => match[1]!).sort();
}

/**
 * What a translation lacks against the source catalogue: a key missing or
 * empty, a template naming other values than the source's, or a key the
 * source does not have. Empty means complete.
 */
export function catalogueGaps(source: Catalogue, translation: Catalogue): CatalogueGap[] {
  const wanted = new Map(flattenCatalogue(source));
  const given = new Map(flattenCatalogue(translation));
  const gaps: CatalogueGap[] = [];
  for (const [key, template] of wanted) {
    const translated = given.get(key);
    if (translated === undefined) gaps.push({ key, problem: "missing" });
    else if (translated.trim() === "") gaps.push({ key, problem: "empty" });
    else if (placeholders(translated).join() !== placeholders(template).join()) {
      gaps.push({ key, problem: "placeholders_differ" });
    }
  }
  for (const key of given.keys()) if (!wanted.has(key)) gaps.push({ key, problem: "extra" });
  return gaps;
}
