import { normalizeName, type PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";

export interface SearchHit {
  kind: "L1" | "L2" | "L3";
  l1: string;
  l2?: string;
  l3?: string;
  name: string;
  /** Where the words were found, for the result line. */
  context: string;
}

/** Finds taxonomy entries whose names, aliases, definitions or examples contain every word typed. */
export function searchPlaybook(index: PlaybookIndex, text: string, limit = 40): SearchHit[] {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => normalizeName(word))
    .filter(Boolean);
  if (words.length === 0) return [];
  const matches = (...parts: Array<string | undefined>) => {
    const haystack = normalizeName(parts.filter(Boolean).join(" "));
    return words.every((word) => haystack.includes(word));
  };
  const hits: SearchHit[] = [];
  for (const l1 of index.playbook.l1s) {
    if (matches(l1.name, l1.definition, ...l1.validExamples)) {
      hits.push({ kind: "L1", l1: l1.id, name: l1.name, context: l1.definition });
    }
    for (const l2 of l1.l2s) {
      const examples = [...l2.validExamples, ...l2.invalidExamples.map((example) => example.scenario)];
      if (matches(l2.name, ...l2.aliases, l2.definition, l2.notThis, ...examples, ...l2.questions)) {
        hits.push({
          kind: "L2",
          l1: l1.id,
          l2: l2.id,
          name: `${l1.name} › ${l2.name}`,
          context: l2.definition,
        });
      }
      for (const l3 of l2.l3s) {
        if (matches(l3.name, l3.definition)) {
          hits.push({
            kind: "L3",
            l1: l1.id,
            l2: l2.id,
            l3: l3.id,
            name: `${l1.name} › ${l2.name} › ${l3.name}`,
            context: l3.definition ?? "",
          });
        }
      }
    }
  }
  return hits.slice(0, limit);
}
