/**
 * Multinomial logistic regression on sparse inputs: what a trained model
 * computes for one input. Training is in src/suggest-training/train-softmax.ts.
 */

export interface SparseVector {
  indices: number[];
  values: number[];
}

export interface SoftmaxWeights {
  classes: number;
  features: number;
  /** Row-major: weights[c * features + f]. */
  weights: Float64Array;
  bias: Float64Array;
}

/** Class probabilities for one input; classes outside `candidates` get 0. */
export function softmaxScores(
  logits: Float64Array | number[],
  candidates: number[] | undefined,
  temperature = 1,
): Float64Array {
  const result = new Float64Array(logits.length);
  const active = candidates ?? [...logits.keys()];
  let max = Number.NEGATIVE_INFINITY;
  for (const c of active) max = Math.max(max, logits[c]! / temperature);
  let total = 0;
  for (const c of active) {
    const value = Math.exp(logits[c]! / temperature - max);
    result[c] = value;
    total += value;
  }
  for (const c of active) result[c]! /= total;
  return result;
}

export function logitsFor(model: SoftmaxWeights, x: SparseVector): Float64Array {
  const logits = new Float64Array(model.classes);
  for (let c = 0; c < model.classes; c += 1) {
    let sum = model.bias[c]!;
    const row = c * model.features;
    for (let k = 0; k < x.indices.length; k += 1) sum += model.weights[row + x.indices[k]!]! * x.values[k]!;
    logits[c] = sum;
  }
  return logits;
}
