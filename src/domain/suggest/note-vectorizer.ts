import type { NoteFeatures } from "./note-features.ts";
import type { SparseVector } from "./softmax-regression.ts";

/**
 * TF-IDF over the features of `extractFeatures`, with a weight per feature kind
 * (words, word pairs, concepts, character n-grams, workload) and unit length, so a
 * long note does not outvote a short one. The vocabulary is what the training notes
 * used often enough; anything else is ignored at prediction time.
 */
export interface VectorizerSpec {
  vocabulary: string[];
  idf: number[];
  /** Multiplier per feature prefix ("w", "b", "c", "g", "s"). */
  kindWeights: Record<string, number>;
}

export interface Vectorizer {
  spec: VectorizerSpec;
  indexOf(feature: string): number | undefined;
  vectorize(features: NoteFeatures): SparseVector;
}

export interface VectorizerFit {
  /** Minimum number of training notes a feature must appear in, per prefix (default for others). */
  minDocuments: Record<string, number>;
  kindWeights: Record<string, number>;
}

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

export function createVectorizer(spec: VectorizerSpec): Vectorizer {
  const index = new Map(spec.vocabulary.map((feature, position) => [feature, position]));
  const kindWeight = spec.vocabulary.map((feature) => spec.kindWeights[kindOf(feature)] ?? 1);
  return {
    spec,
    indexOf: (feature) => index.get(feature),
    vectorize(features) {
      const indices: number[] = [];
      const values: number[] = [];
      for (const [feature, count] of features.counts) {
        const position = index.get(feature);
        if (position === undefined) continue;
        indices.push(position);
        values.push((1 + Math.log(count)) * spec.idf[position]! * kindWeight[position]!);
      }
      const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));
      if (norm > 0) for (let k = 0; k < values.length; k += 1) values[k] = values[k]! / norm;
      return { indices, values };
    },
  };
}

/** "w:licens" -> "w". */
export function kindOf(feature: string): string {
  return feature.slice(0, feature.indexOf(":"));
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
