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
