import { jointProbabilities, l2CandidatesOf } from "../domain/suggest/label-probabilities.ts";
import {
  DEFAULT_FEATURE_OPTIONS,
  extractFeatures,
  type FeatureOptions,
  type NoteFeatures,
} from "../domain/suggest/note-features.ts";
import { createVectorizer } from "../domain/suggest/note-vectorizer.ts";
import { logitsFor, type SoftmaxWeights, softmaxScores } from "../domain/suggest/softmax-regression.ts";
import type { SuggestModel } from "../domain/suggest/suggest-model.ts";
import type { CorpusNote } from "./corpus-note.ts";
import { encodeWeights } from "./encode-weights.ts";
import { fitVectorizer, type VectorizerFit } from "./fit-vectorizer.ts";
import { type TrainingExample, trainSoftmax } from "./train-softmax.ts";

/**
 * Trains the suggester from labelled notes. Pure and deterministic: the same notes
 * and config give the same model, byte for byte. Calibration (softmax temperature)
 * and the abstention thresholds are fitted on cross-validated predictions over the
 * training notes only, never on the notes the model is evaluated on.
 */

export interface TrainConfig {
  features: FeatureOptions;
  vectorizer: VectorizerFit;
  /** L2 penalties of the three classifiers (per note). */
  l1Penalty: number;
  l2Penalty: number;
  l3Penalty: number;
  maxIterations: number;
  /** Folds of the internal cross-validation that calibrates the model. */
  calibrationFolds: number;
  seed: number;
  /** Accuracy wanted among the answers given; the thresholds are the lowest that reach it. */
  targets: { l1: number; l2: number; l3: number };
  /** An L3 needs this many training notes to become a class; rarer ones count as "no L3". */
  minL3Examples: number;
}

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  features: { ...DEFAULT_FEATURE_OPTIONS, charGrams: false },
  vectorizer: {
    // Three notes, not two: the same cross-validated accuracy with a model under 1 MB.
    minDocuments: { default: 3, g: 3 },
    kindWeights: { w: 1, b: 0.6, c: 0.8, g: 0.6, s: 0.4, l: 1 },
  },
  // The L1s other than Blocked have a few hundred notes each: a stronger penalty pulled them
  // towards Blocked's prior (cross-validated L1 accuracy 92.6% at 0.0005, 95.5% at 0.0001).
  l1Penalty: 0.0001,
  l2Penalty: 0.0001,
  l3Penalty: 0.0001,
  maxIterations: 120,
  calibrationFolds: 5,
  seed: 7,
  targets: { l1: 0.95, l2: 0.9, l3: 0.85 },
  minL3Examples: 3,
};

/** Facts from the playbook the model keeps so it can run without the playbook. */
export interface PlaybookFacts {
  /** "l1/l2/l3" -> services the L3 applies to (empty: every service). */
  l3Services: Record<string, string[]>;
  /** Service id -> folded names, codes and aliases. */
  serviceTerms: Record<string, string[]>;
}

interface Prepared {
  note: CorpusNote;
  features: NoteFeatures;
}

export function trainSuggestModel(
  notes: CorpusNote[],
  facts: PlaybookFacts,
  config: TrainConfig,
): SuggestModel {
  const prepared = notes.map((note) => ({
    note,
    features: extractFeatures(note.note, note.workload, config.features),
  }));
  const labels: Labels = {
    l1: [...new Set(notes.map((note) => note.l1))].sort(),
    l2: l2LabelsOf(notes),
    l3: l3LabelsOf(notes, config.minL3Examples),
  };

  // Out-of-fold predictions of the training notes, for calibration and thresholds.
  const oof: OutOfFold[] = [];
  const folds = stratifiedFolds(notes, config.calibrationFolds, config.seed);
  for (let fold = 0; fold < config.calibrationFolds; fold += 1) {
    const train = prepared.filter((_, i) => folds[i] !== fold);
    const test = prepared.filter((_, i) => folds[i] === fold);
    const fitted = fitClassifiers(train, labels, facts, config);
    for (const item of test) {
      const x = fitted.vectorize(item.features);
      const l3Example = l3ExampleFor(item.note, x, labels.l3, facts);
      oof.push({
        note: item.note,
        l1Logits: logitsFor(fitted.l1, x),
        l2Logits: logitsFor(fitted.l2, x),
        l3: l3Example
          ? {
              logits: logitsFor(fitted.l3, x),
              candidates: l3Example.candidates!,
              gold: l3Example.allowed[0]!,
            }
          : null,
      });
    }
  }
  const l1Temperature = fitTemperature(
    oof.map((item) => ({
      logits: item.l1Logits,
      allowed: [labels.l1.indexOf(item.note.l1)],
      candidates: undefined,
    })),
  );
  const l2Temperature = fitTemperature(
    oof.flatMap((item) => {
      const candidates = l2CandidatesOf(item.note.l1, labels.l2);
      const allowed = allowedL2(item.note, labels.l2);
      return candidates.length > 1 && allowed.length === 1
        ? [{ logits: item.l2Logits, allowed, candidates }]
        : [];
    }),
  );
  const l3Items = oof.flatMap((item) => (item.l3 ? [item.l3] : []));
  const l3Temperature = fitTemperature(
    l3Items.map(({ logits, candidates, gold }) => ({ logits, allowed: [gold], candidates })),
  );
  const thresholds = fitThresholds(oof, labels, { l1: l1Temperature, l2: l2Temperature }, config);
  const l3Threshold = fitL3Threshold(l3Items, labels.l3, l3Temperature, config.targets.l3);

  const final = fitClassifiers(prepared, labels, facts, config);
  return {
    format: "unblock-suggest-v1",
    trainedOn: { notes: notes.length, corpusDigest: corpusDigest(notes), seed: config.seed },
    features: config.features,
    vectorizer: final.spec,
    l1: {
      labels: labels.l1,
      weights: encodeWeights(final.l1),
      temperature: l1Temperature,
      threshold: thresholds.l1,
    },
    l2: {
      labels: labels.l2,
      weights: encodeWeights(final.l2),
      temperature: l2Temperature,
      threshold: thresholds.l2,
    },
    l3: {
      labels: labels.l3,
      weights: encodeWeights(final.l3),
      temperature: l3Temperature,
      threshold: l3Threshold,
      services: Object.fromEntries(
        labels.l3
          .filter((label) => label.l3 !== null)
          .map((label) => {
            const key = `${label.l1}/${label.l2}/${label.l3}`;
            return [key, facts.l3Services[key] ?? []];
          }),
      ),
    },
    serviceTerms: facts.serviceTerms,
  };
}

interface Labels {
  l1: SuggestModel["l1"]["labels"];
  l2: SuggestModel["l2"]["labels"];
  l3: SuggestModel["l3"]["labels"];
}

interface OutOfFold {
  note: CorpusNote;
  l1Logits: Float64Array;
  l2Logits: Float64Array;
  l3: { logits: Float64Array; candidates: number[]; gold: number } | null;
}

/** Assigns each note a fold, spreading every label evenly (stratified) in a seeded order. */
export function stratifiedFolds(notes: CorpusNote[], folds: number, seed: number): number[] {
  const byLabel = new Map<string, number[]>();
  notes.forEach((note, index) => {
    const key = `${note.l1}/${note.l2 ?? "-"}`;
    byLabel.set(key, [...(byLabel.get(key) ?? []), index]);
  });
  const assignment = new Array<number>(notes.length).fill(0);
  let offset = 0;
  for (const key of [...byLabel.keys()].sort()) {
    const members = byLabel.get(key)!.sort((a, b) => hash(notes[a]!.id, seed) - hash(notes[b]!.id, seed));
    members.forEach((index, position) => {
      assignment[index] = (position + offset) % folds;
    });
    offset += members.length;
  }
  return assignment;
}

/** A short digest of the notes and labels, stored in the model to spot a stale artifact. */
export function corpusDigest(notes: CorpusNote[]): string {
  let digest = 0;
  for (const note of notes)
    digest = hash(`${digest}|${note.note}|${note.l1}|${note.l2}|${note.l3}|${note.workload}`, 1);
  return `${notes.length}-${digest.toString(36)}`;
}

function fitClassifiers(train: Prepared[], labels: Labels, facts: PlaybookFacts, config: TrainConfig) {
  const spec = fitVectorizer(
    train.map((item) => item.features),
    config.vectorizer,
  );
  const vectorizer = createVectorizer(spec);
  const vectors = train.map((item) => vectorizer.vectorize(item.features));
  const features = spec.vocabulary.length;
  const l1 = trainSoftmax(
    train.map((item, i) => ({ x: vectors[i]!, allowed: [labels.l1.indexOf(item.note.l1)] })),
    { classes: labels.l1.length, features, l2: config.l1Penalty, maxIterations: config.maxIterations },
  );
  // The L2 model learns to tell apart the L2s of one L1, given that L1.
  const l2Examples: TrainingExample[] = train.flatMap((item, i) => {
    const candidates = l2CandidatesOf(item.note.l1, labels.l2);
    const allowed = allowedL2(item.note, labels.l2);
    return candidates.length > 1 && allowed.length === 1 ? [{ x: vectors[i]!, allowed, candidates }] : [];
  });
  const l2 = trainSoftmax(l2Examples, {
    classes: labels.l2.length,
    features,
    l2: config.l2Penalty,
    maxIterations: config.maxIterations,
  });
  const l3Examples = train
    .map((item, i) => l3ExampleFor(item.note, vectors[i]!, labels.l3, facts))
    .filter((example): example is TrainingExample => example !== null);
  const l3: SoftmaxWeights = trainSoftmax(l3Examples, {
    classes: labels.l3.length,
    features,
    l2: config.l3Penalty,
    maxIterations: config.maxIterations,
  });
  return { spec, l1, l2, l3, vectorize: vectorizer.vectorize };
}

function l2LabelsOf(notes: CorpusNote[]): SuggestModel["l2"]["labels"] {
  const keys = new Set<string>();
  const l1sWithL2 = new Set(notes.filter((note) => note.l2 !== null).map((note) => note.l1));
  for (const note of notes) {
    if (note.l2 !== null) keys.add(`${note.l1}/${note.l2}`);
    else if (!l1sWithL2.has(note.l1)) keys.add(`${note.l1}/`);
  }
  return [...keys].sort().map((key) => {
    const [l1, l2] = key.split("/") as [string, string];
    return { l1, l2: l2 === "" ? null : l2 };
  });
}

/** The classes a note's label accepts: its L2, or every L2 of its L1 when the note names none. */
export function allowedL2(note: CorpusNote, labels: SuggestModel["l2"]["labels"]): number[] {
  const exact = labels.findIndex((label) => label.l1 === note.l1 && label.l2 === note.l2);
  if (exact >= 0) return [exact];
  return labels.flatMap((label, index) => (label.l1 === note.l1 ? [index] : []));
}

function l3LabelsOf(notes: CorpusNote[], minExamples: number): SuggestModel["l3"]["labels"] {
  const counts = new Map<string, number>();
  for (const note of notes) {
    if (note.l2 !== null && note.l3 !== null) {
      const key = `${note.l1}/${note.l2}/${note.l3}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const covered = [...counts.entries()].filter(([, count]) => count >= minExamples).map(([key]) => key);
  const l2s = new Set(covered.map((key) => key.split("/").slice(0, 2).join("/")));
  const keys = [...covered, ...[...l2s].map((l2) => `${l2}/`)].sort();
  return keys.map((key) => {
    const [l1, l2, l3] = key.split("/") as [string, string, string];
    return { l1, l2, l3: l3 === "" ? null : l3 };
  });
}

/** The L3 training example of a note: its L2's L3 classes that apply to its workload. */
function l3ExampleFor(
  note: CorpusNote,
  x: TrainingExample["x"],
  labels: SuggestModel["l3"]["labels"],
  facts: PlaybookFacts,
): TrainingExample | null {
  if (note.l2 === null) return null;
  const candidates = labels.flatMap((label, index) => {
    if (label.l1 !== note.l1 || label.l2 !== note.l2) return [];
    if (label.l3 === null || note.workload === null) return [index];
    const services = facts.l3Services[`${label.l1}/${label.l2}/${label.l3}`] ?? [];
    return services.length === 0 || services.includes(note.workload) ? [index] : [];
  });
  if (candidates.length < 2) return null;
  const gold =
    candidates.find((index) => labels[index]!.l3 === note.l3) ??
    candidates.find((index) => labels[index]!.l3 === null)!;
  return { x, allowed: [gold], candidates };
}

/** The temperature that minimises the negative log-likelihood of out-of-fold predictions. */
function fitTemperature(
  items: { logits: Float64Array; allowed: number[]; candidates: number[] | undefined }[],
): number {
  if (items.length === 0) return 1;
  let best = { temperature: 1, loss: Number.POSITIVE_INFINITY };
  for (let t = 0.1; t <= 3.01; t += 0.05) {
    let loss = 0;
    for (const item of items) {
      const p = softmaxScores(item.logits, item.candidates, t);
      loss -= Math.log(
        Math.max(
          item.allowed.reduce((sum, c) => sum + p[c]!, 0),
          1e-12,
        ),
      );
    }
    if (loss < best.loss) best = { temperature: Number(t.toFixed(2)), loss };
  }
  return best.temperature;
}

/** Lowest thresholds whose answered out-of-fold predictions reach the wanted accuracy. */
function fitThresholds(
  oof: OutOfFold[],
  labels: Labels,
  temperature: { l1: number; l2: number },
  config: TrainConfig,
): { l1: number; l2: number } {
  const l1Items: { confidence: number; correct: boolean }[] = [];
  const l2Items: { confidence: number; correct: boolean }[] = [];
  for (const item of oof) {
    const joint = jointProbabilities(item.l1Logits, item.l2Logits, labels, temperature);
    const p1 = softmaxScores(item.l1Logits, undefined, temperature.l1);
    const top1 = p1.indexOf(Math.max(...p1));
    l1Items.push({ confidence: p1[top1]!, correct: labels.l1[top1] === item.note.l1 });
    if (allowedL2(item.note, labels.l2).length === 1) {
      const top = joint.indexOf(Math.max(...joint));
      const label = labels.l2[top]!;
      l2Items.push({
        confidence: joint[top]!,
        correct: label.l1 === item.note.l1 && label.l2 === item.note.l2,
      });
    }
  }
  return { l1: lowestThreshold(l1Items, config.targets.l1), l2: lowestThreshold(l2Items, config.targets.l2) };
}

function fitL3Threshold(
  oof: { logits: Float64Array; candidates: number[]; gold: number }[],
  labels: SuggestModel["l3"]["labels"],
  temperature: number,
  target: number,
): number {
  const items = oof.flatMap(({ logits, candidates, gold }) => {
    const p = softmaxScores(logits, candidates, temperature);
    const top = candidates.reduce((best, c) => (p[c]! > p[best]! ? c : best), candidates[0]!);
    // Only a named L3 is an answer; "no L3" is the abstention itself.
    return labels[top]!.l3 === null ? [] : [{ confidence: p[top]!, correct: top === gold }];
  });
  return lowestThreshold(items, target);
}

function lowestThreshold(items: { confidence: number; correct: boolean }[], target: number): number {
  for (let threshold = 0.2; threshold < 0.951; threshold += 0.01) {
    const answered = items.filter((item) => item.confidence >= threshold);
    if (answered.length === 0) break;
    const accuracy = answered.filter((item) => item.correct).length / answered.length;
    if (accuracy >= target) return Number(threshold.toFixed(2));
  }
  return 0.95;
}

function hash(text: string, seed: number): number {
  let value = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}
