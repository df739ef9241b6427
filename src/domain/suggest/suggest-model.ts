import type { FeatureOptions } from "./note-features.ts";
import type { VectorizerSpec } from "./note-vectorizer.ts";
import type { SoftmaxWeights } from "./softmax-regression.ts";

/**
 * The trained suggester as plain JSON (src/domain/suggest/model.json), so the
 * server, the CLI and the browser load the same artifact without a network call.
 * Weights are stored as signed bytes with one scale per class (base64), which
 * keeps the file small; the rounding error is far below what changes a decision.
 */
export interface SuggestModel {
  format: "unblock-suggest-v1";
  /** What the model was trained on, so a stale artifact can be detected. */
  trainedOn: { notes: number; corpusDigest: string; seed: number };
  features: FeatureOptions;
  vectorizer: VectorizerSpec;
  /** L1 classifier: P(L1 | note). */
  l1: {
    labels: string[];
    weights: EncodedWeights;
    /** Softmax temperature fitted on cross-validated predictions (calibration). */
    temperature: number;
    /** Below this probability the suggester abstains on the L1 (and everything under it). */
    threshold: number;
  };
  /**
   * L2 classifier conditioned on the L1: P(L2 | L1, note), a softmax over the L2s of
   * one L1. An L1 without L2s (Duplicate/Invalid) has a single class with l2 null.
   */
  l2: {
    labels: { l1: string; l2: string | null }[];
    weights: EncodedWeights;
    temperature: number;
    /** Below this probability of P(L1) x P(L2 | L1) the suggester abstains on the L2. */
    threshold: number;
  };
  /** L3 classifier, conditioned on the L2: one class per covered L3 and one "no L3" class per L2. */
  l3: {
    labels: { l1: string; l2: string; l3: string | null }[];
    weights: EncodedWeights;
    temperature: number;
    threshold: number;
    /** "l1/l2/l3" -> the services the L3 applies to; missing or empty means every service. */
    services: Record<string, string[]>;
  };
  /** Service id -> words that name it in a note (names, codes, aliases), to respect services the note mentions. */
  serviceTerms: Record<string, string[]>;
}

export interface EncodedWeights {
  classes: number;
  features: number;
  /** Per class: the weight one step of the signed byte stands for. */
  scales: number[];
  /** Row-major signed bytes, base64. */
  data: string;
  bias: number[];
}

export function decodeWeights(encoded: EncodedWeights): SoftmaxWeights {
  const bytes = new Int8Array(base64ToBytes(encoded.data).buffer);
  const weights = new Float64Array(bytes.length);
  for (let c = 0; c < encoded.classes; c += 1) {
    const scale = encoded.scales[c]!;
    for (let f = 0; f < encoded.features; f += 1) {
      const position = c * encoded.features + f;
      weights[position] = bytes[position]! * scale;
    }
  }
  return {
    classes: encoded.classes,
    features: encoded.features,
    weights,
    bias: Float64Array.from(encoded.bias),
  };
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function base64ToBytes(text: string): Uint8Array {
  const lookup = new Map([...ALPHABET].map((char, index) => [char, index]));
  const clean = text.replace(/=+$/, "");
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let position = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n0 = lookup.get(clean[i]!) ?? 0;
    const n1 = lookup.get(clean[i + 1] ?? "A") ?? 0;
    const n2 = lookup.get(clean[i + 2] ?? "A") ?? 0;
    const n3 = lookup.get(clean[i + 3] ?? "A") ?? 0;
    const triple = (n0 << 18) | (n1 << 12) | (n2 << 6) | n3;
    if (position < bytes.length) bytes[position++] = (triple >> 16) & 255;
    if (position < bytes.length) bytes[position++] = (triple >> 8) & 255;
    if (position < bytes.length) bytes[position++] = triple & 255;
  }
  return bytes;
}
