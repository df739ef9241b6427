import { lintNote } from "../notes/lint-note.ts";
import { saysNothing } from "../notes/note-meaning.ts";
import { foldText } from "../notes/note-text.ts";
import type { PlaybookIndex } from "../playbook/playbook-index.ts";
import { jointProbabilities, l2CandidatesOf } from "./label-probabilities.ts";
import { extractFeatures } from "./note-features.ts";
import { createVectorizer } from "./note-vectorizer.ts";
import { logitsFor, type SoftmaxWeights, softmaxScores } from "./softmax-regression.ts";
import { decodeWeights, type SuggestModel } from "./suggest-model.ts";

/**
 * Reads a status note and proposes its L1, L2 and L3 with a calibrated confidence,
 * the words that drove the choice, and the runner-up L2s. It abstains (null) at any
 * level whose confidence is under the model's threshold rather than guess. L3s are
 * only proposed when they apply to the service: the one given, or, when none is
 * given, a service the note names (an L3 that applies to every service always may).
 */

export interface SuggestionAlternative {
  l1: string;
  l2: string | null;
  confidence: number;
}

export interface Suggestion {
  l1: string | null;
  l2: string | null;
  l3: string | null;
  /** Calibrated probability of the most specific level proposed (of the top L1 when all abstain). */
  confidence: number;
  /** Words and phrases of the note that pushed towards the proposal, strongest first. */
  evidence: string[];
  /** Other likely L2s (or L1s without L2s), most likely first. */
  alternatives: SuggestionAlternative[];
}

export interface RankedLabel {
  l1: string;
  l2: string | null;
  probability: number;
}

export interface Suggester {
  suggest(note: string, workload?: string | null): Suggestion;
  /** Every L2 class (and L1 without L2s) with its calibrated probability, most likely first. */
  rank(note: string, workload?: string | null): RankedLabel[];
  /** The service id a workload names (id, name, code or alias), or null when unknown. */
  service(workload: string): string | null;
}

const MAX_EVIDENCE = 5;
const MAX_ALTERNATIVES = 3;
const MIN_ALTERNATIVE_CONFIDENCE = 0.05;

export function createSuggester(model: SuggestModel, index?: PlaybookIndex): Suggester {
  const vectorizer = createVectorizer(model.vectorizer);
  const l1Weights = decodeWeights(model.l1.weights);
  const l2Weights = decodeWeights(model.l2.weights);
  const l3Weights = decodeWeights(model.l3.weights);
  const l1Centre = classMeans(l1Weights, allClasses(l1Weights.classes));
  const l2Labels = model.l2.labels;
  const labels = { l1: model.l1.labels, l2: l2Labels };
  const temperatures = { l1: model.l1.temperature, l2: model.l2.temperature };
  // Centre each L2's weights on the other L2s of its L1: evidence says why this L2 and not a sibling.
  const l2Centres = new Map(
    model.l1.labels.map((l1) => [l1, classMeans(l2Weights, l2CandidatesOf(l1, l2Labels))] as const),
  );
  const l3Labels = model.l3.labels;
  const serviceMatchers = Object.entries(model.serviceTerms).map(([service, terms]) => ({
    service,
    pattern: new RegExp(`(?<![a-z0-9])(?:${terms.map(escapeRegExp).join("|")})(?![a-z0-9])`),
  }));

  const knownService = (workload: string): string | null => {
    if (index) return index.service(workload)?.id ?? null;
    const folded = foldText(workload);
    const exact = Object.entries(model.serviceTerms).find(
      ([service, terms]) => service === workload || terms.includes(folded),
    );
    return exact?.[0] ?? null;
  };
  // An unknown workload still reaches the features as given: it simply matches none of them.
  const resolveService = (workload: string | null | undefined): string | null =>
    workload ? (knownService(workload) ?? workload) : null;

  const l3Applies = (l1: string, l2: string, l3: string, service: string | null, mentioned: Set<string>) => {
    if (index) {
      if (service) return index.l3(l1, l2, l3, service) !== undefined;
      const found = index.l3(l1, l2, l3);
      return (
        found !== undefined && (found.services.length === 0 || found.services.some((s) => mentioned.has(s)))
      );
    }
    const services = model.l3.services[`${l1}/${l2}/${l3}`] ?? [];
    if (services.length === 0) return true;
    return service ? services.includes(service) : services.some((s) => mentioned.has(s));
  };

  const probabilities = (note: string, workload: string | null | undefined) => {
    const service = resolveService(workload);
    const features = extractFeatures(note, service, model.features);
    const x = vectorizer.vectorize(features);
    const l1Logits = logitsFor(l1Weights, x);
    const p1 = softmaxScores(l1Logits, undefined, model.l1.temperature);
    const p = jointProbabilities(l1Logits, logitsFor(l2Weights, x), labels, temperatures);
    return { service, features, x, p, p1 };
  };

  return {
    service: knownService,
    rank(note, workload) {
      const { p } = probabilities(note, workload);
      return l2Labels
        .map((label, c) => ({ l1: label.l1, l2: label.l2, probability: p[c]! }))
        .sort((a, b) => b.probability - a.probability);
    },
    suggest(note, workload) {
      const { service, features, x, p, p1 } = probabilities(note, workload);
      // Without one word the model knows, the note says nothing; with only the workload known, an
      // answer would be that service's prior ("zzzz" about Teams), not a reading of the note.
      const noteSaysNothing =
        x.indices.length === 0 ||
        saysNothing(note) ||
        (service !== null &&
          vectorizer.vectorize(extractFeatures(note, null, model.features)).indices.length === 0);
      if (noteSaysNothing) {
        return { l1: null, l2: null, l3: null, confidence: 0, evidence: [], alternatives: [] };
      }

      const topL1Index = p1.indexOf(Math.max(...p1));
      const topL1 = model.l1.labels[topL1Index]!;
      const l1Confidence = p1[topL1Index]!;
      let top = -1;
      l2Labels.forEach((label, c) => {
        if (label.l1 === topL1 && (top < 0 || p[c]! > p[top]!)) top = c;
      });
      const topLabel = l2Labels[top]!;
      const l1 = l1Confidence >= model.l1.threshold ? topL1 : null;
      // A note that only restates its status ("Blocked.", "Usage 0%") says nothing about the reason:
      // the L2 would be the model's prior, not a reading of the note, so it is not proposed.
      const saysMore = lintNote(note, { l1: topL1 }).grade !== "poor";
      const l2 =
        l1 !== null && saysMore && topLabel.l2 !== null && p[top]! >= model.l2.threshold ? topLabel.l2 : null;

      let l3: string | null = null;
      if (l1 !== null && l2 !== null) {
        const folded = foldText(note);
        const mentioned = new Set(
          serviceMatchers.filter((matcher) => matcher.pattern.test(folded)).map((matcher) => matcher.service),
        );
        const candidates = l3Labels.flatMap((label, c) =>
          label.l1 === l1 &&
          label.l2 === l2 &&
          (label.l3 === null || l3Applies(l1, l2, label.l3, service, mentioned))
            ? [c]
            : [],
        );
        if (candidates.some((c) => l3Labels[c]!.l3 !== null)) {
          const p3 = softmaxScores(logitsFor(l3Weights, x), candidates, model.l3.temperature);
          const best = candidates.reduce((a, b) => (p3[b]! > p3[a]! ? b : a));
          if (l3Labels[best]!.l3 !== null && p3[best]! >= model.l3.threshold) l3 = l3Labels[best]!.l3;
        }
      }

      const confidence = l2 !== null || (l1 !== null && topLabel.l2 === null) ? p[top]! : l1Confidence;
      const evidence =
        l2 !== null
          ? evidenceFor(
              top,
              x,
              features.surface,
              vectorizer.spec.vocabulary,
              l2Weights,
              l2Centres.get(topL1)!,
            )
          : evidenceFor(topL1Index, x, features.surface, vectorizer.spec.vocabulary, l1Weights, l1Centre);
      return {
        l1,
        l2,
        l3,
        confidence: round(confidence),
        evidence,
        alternatives: l2Labels
          .map((label, c) => ({ l1: label.l1, l2: label.l2, confidence: round(p[c]!) }))
          .filter((_, c) => c !== top || l2 === null)
          .filter((alternative) => !(alternative.l1 === l1 && alternative.l2 === l2))
          .filter((alternative) => alternative.confidence >= MIN_ALTERNATIVE_CONFIDENCE)
          .sort((a, b) => b.confidence - a.confidence)
          .slice(0, MAX_ALTERNATIVES),
      };
    },
  };
}

/**
 * The note's words that pushed hardest towards the class, against the average class:
 * each feature's value times its weight above the mean weight, summed per phrase of
 * the note it came from (a word, its character n-grams and its concept together).
 */
function evidenceFor(
  target: number,
  x: { indices: number[]; values: number[] },
  surface: Map<string, string>,
  vocabulary: string[],
  weights: SoftmaxWeights,
  centre: Float64Array,
): string[] {
  const byPhrase = new Map<string, number>();
  for (let k = 0; k < x.indices.length; k += 1) {
    const feature = x.indices[k]!;
    const phrase = surface.get(vocabulary[feature]!);
    // Bare figures ("4", "not 12%") explain nothing on their own.
    if (phrase === undefined || /^(?:not )?[\d.,%x]+$/.test(phrase)) continue;
    const contribution =
      x.values[k]! * (weights.weights[target * weights.features + feature]! - centre[feature]!);
    byPhrase.set(phrase, (byPhrase.get(phrase) ?? 0) + contribution);
  }
  return [...byPhrase.entries()]
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_EVIDENCE)
    .map(([phrase]) => phrase);
}

/** Mean weight per feature over some classes. */
function classMeans(weights: SoftmaxWeights, classes: number[]): Float64Array {
  const means = new Float64Array(weights.features);
  for (const c of classes) {
    for (let f = 0; f < weights.features; f += 1)
      means[f]! += weights.weights[c * weights.features + f]! / classes.length;
  }
  return means;
}

function allClasses(count: number): number[] {
  return [...Array(count).keys()];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
