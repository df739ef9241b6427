import { createVectorizer, type VectorizerSpec } from "../suggest/note-vectorizer.ts";
import { logitsFor, softmaxScores } from "../suggest/softmax-regression.ts";
import { decodeWeights, type EncodedWeights } from "../suggest/suggest-model.ts";
import { gradeFeatures, type RuleReading } from "./grade-features.ts";

/**
 * The learned half of the note linter (grade-model.json, trained by
 * `npm run train:suggest` on the quality labels of corpus/notes.jsonl). The
 * rules decide what is poor (that blocks a save, so it stays explainable and
 * deterministic); this model decides between great and marginal, which is
 * where rules written by one hand disagreed most with independent writers.
 */
export interface GradeModel {
  format: "unblock-grade-v1";
  trainedOn: { notes: number; corpusDigest: string };
  labels: ("great" | "marginal" | "poor")[];
  vectorizer: VectorizerSpec;
  weights: EncodedWeights;
  /** A note is marginal when P(marginal or poor) reaches this. */
  threshold: number;
}

/** Whether a note the rules did not grade poor is less than great. */
export type NoteGrader = (note: string, reading: RuleReading) => boolean;

export function createNoteGrader(model: GradeModel): NoteGrader {
  const vectorizer = createVectorizer(model.vectorizer);
  const weights = decodeWeights(model.weights);
  const great = model.labels.indexOf("great");
  return (note, reading) => {
    const scores = softmaxScores(
      logitsFor(weights, vectorizer.vectorize(gradeFeatures(note, reading))),
      undefined,
    );
    return 1 - scores[great]! >= model.threshold;
  };
}
