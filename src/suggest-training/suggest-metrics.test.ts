import { describe, expect, it } from "vitest";
import { accuracy, confusionMatrix, expectedCalibrationError, macroF1 } from "./suggest-metrics.ts";

describe(macroF1.name, () => {
  it("averages per-class F1 without weighting by class size", () => {
    // a: tp 2, fn 1, fp 0 -> P 1, R 2/3, F1 0.8; b: tp 1, fp 1 -> P 0.5, R 1, F1 2/3.
    const result = macroF1(["a", "a", "a", "b"], ["a", "a", "b", "b"]);
    expect(result.classes.map((score) => score.f1)).toEqual([0.8, 2 / 3]);
    expect(result.macroF1).toBeCloseTo((0.8 + 2 / 3) / 2);
  });

  it("counts a prediction outside the listed labels as a miss", () => {
    const result = macroF1(["a", "b"], ["a", "(other)"], ["a", "b"]);
    expect(result.classes[1]).toMatchObject({ label: "b", recall: 0, f1: 0, support: 1 });
  });
});

describe(accuracy.name, () => {
  it("is the share of exact matches", () => {
    expect(accuracy(["a", "b", "c", "d"], ["a", "b", "x", "d"])).toBe(0.75);
  });
});

describe(confusionMatrix.name, () => {
  it("counts gold rows against predicted columns", () => {
    expect(confusionMatrix(["a", "a", "b"], ["a", "b", "b"], ["a", "b"], ["a", "b"])).toEqual([
      [1, 1],
      [0, 1],
    ]);
  });
});

describe(expectedCalibrationError.name, () => {
  it("is zero when confidence matches accuracy in every bin", () => {
    const items = [
      { confidence: 0.75, correct: true },
      { confidence: 0.75, correct: true },
      { confidence: 0.75, correct: true },
      { confidence: 0.75, correct: false },
    ];
    expect(expectedCalibrationError(items)).toBeCloseTo(0);
  });

  it("is the weighted gap between confidence and accuracy", () => {
    // Bin (0.9, 1]: confidence 0.95, accuracy 0.5 -> gap 0.45 on all items.
    const items = [
      { confidence: 0.95, correct: true },
      { confidence: 0.95, correct: false },
    ];
    expect(expectedCalibrationError(items)).toBeCloseTo(0.45);
  });
});
