import { describe, expect, it } from "vitest";
import { logitsFor, softmaxScores } from "../domain/suggest/softmax-regression.ts";
import { type TrainingExample, trainSoftmax } from "./train-softmax.ts";

/** Three classes, each signalled by its own feature (0, 1, 2); feature 3 is noise shared by all. */
function toyExamples(): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (let i = 0; i < 30; i += 1) {
    const c = i % 3;
    examples.push({ x: { indices: [c, 3], values: [0.9, 0.4] }, allowed: [c] });
  }
  return examples;
}

const options = { classes: 3, features: 4, l2: 0.001, maxIterations: 200 };

describe(trainSoftmax.name, () => {
  it("learns which feature signals which class", () => {
    const model = trainSoftmax(toyExamples(), options);
    for (let c = 0; c < 3; c += 1) {
      const p = softmaxScores(logitsFor(model, { indices: [c, 3], values: [0.9, 0.4] }), undefined);
      expect(p.indexOf(Math.max(...p))).toBe(c);
      expect(p[c]).toBeGreaterThan(0.9);
    }
  });

  it("gives the same weights on every run", () => {
    const first = trainSoftmax(toyExamples(), options);
    const second = trainSoftmax(toyExamples(), options);
    expect([...second.weights]).toEqual([...first.weights]);
  });

  it("lets a partly labelled example raise its allowed classes without choosing between them", () => {
    // Feature 0 only ever appears with "class 0 or 1": it should move mass away from class 2 only.
    const examples: TrainingExample[] = [
      ...toyExamples(),
      ...Array.from({ length: 20 }, () => ({ x: { indices: [3], values: [1] }, allowed: [0, 1] })),
    ];
    const model = trainSoftmax(examples, options);
    const p = softmaxScores(logitsFor(model, { indices: [3], values: [1] }), undefined);
    expect(p[0]! + p[1]!).toBeGreaterThan(0.9);
    expect(Math.abs(p[0]! - p[1]!)).toBeLessThan(0.1);
  });

  it("restricts the softmax to the candidates of an example", () => {
    const p = softmaxScores([5, 1, 3], [1, 2]);
    expect(p[0]).toBe(0);
    expect(p[1]! + p[2]!).toBeCloseTo(1);
    expect(p[2]).toBeGreaterThan(p[1]!);
  });
});

describe(softmaxScores.name, () => {
  it("spreads probability more evenly at a higher temperature", () => {
    const sharp = softmaxScores([2, 0], undefined, 0.5);
    const flat = softmaxScores([2, 0], undefined, 2);
    expect(sharp[0]).toBeGreaterThan(flat[0]!);
    expect(flat[0]! + flat[1]!).toBeCloseTo(1);
  });
});
