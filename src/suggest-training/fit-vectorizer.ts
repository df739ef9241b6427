import type { NoteFeatures } from "../domain/suggest/note-features.ts";
import { kindOf, type VectorizerSpec } from "../domain/suggest/note-vectorizer.ts";

export interface VectorizerFit {
  /** Minimum number of training notes a feature must appear in, per prefix (default for others). */
  minDocuments: Record<string, number>;
  kindWeights: Record<string, number>;
}

/** The vocabulary and idf of note-vectorizer.ts, fitted on the training notes. */
export function fitVectorizer(documents: NoteFeatures[], fit: VectorizerFit): VectorizerSpec {
  const documentCounts = new Map<string, number>();
  for (const document of documents) {
    for (const feature of document.counts.keys())
      documentCounts.set(feature, (documentCounts.get(feature) ?? 0) + 1);
  }
  const vocabulary = [...documentCounts.entries()]
    .filter(
      ([feature, count]) => count >= (fit.minDocuments[kindOf(feature)] ?? fit.minDocuments.default ?? 1),
    )
    .map(([feature]) => feature)
    .sort();
  const n = documents.length;
  const idf = vocabulary.map((feature) =>
    round(Math.log((1 + n) / (1 + documentCounts.get(feature)!)) + 1, 4),
  );
  return { vocabulary, idf, kindWeights: fit.kindWeights };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
