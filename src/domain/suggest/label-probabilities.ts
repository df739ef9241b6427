import { softmaxScores } from "./softmax-regression.ts";
import type { SuggestModel } from "./suggest-model.ts";

/** The L2 classes of an L1 (an L1 without L2s has one class with l2 null). */
export function l2CandidatesOf(l1: string, labels: SuggestModel["l2"]["labels"]): number[] {
  return labels.flatMap((label, index) => (label.l1 === l1 ? [index] : []));
}

/** P(L1) x P(L2 | L1) for every L2 class, from the two classifiers' raw scores. */
export function jointProbabilities(
  l1Logits: Float64Array,
  l2Logits: Float64Array,
  labels: { l1: string[]; l2: SuggestModel["l2"]["labels"] },
  temperature: { l1: number; l2: number },
): Float64Array {
  const p1 = softmaxScores(l1Logits, undefined, temperature.l1);
  const joint = new Float64Array(labels.l2.length);
  labels.l1.forEach((l1, i) => {
    const candidates = l2CandidatesOf(l1, labels.l2);
    const conditional = softmaxScores(l2Logits, candidates, temperature.l2);
    for (const c of candidates) joint[c] = p1[i]! * conditional[c]!;
  });
  return joint;
}
