/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import corpusText from "../../corpus/notes.jsonl?raw";
import { defaultPlaybook } from "../../test/support/default-playbook.ts";
import { createSuggester } from "../domain/suggest/create-suggester.ts";
import { defaultSuggestModel } from "../domain/suggest/default-model.ts";
import { parseCorpus } from "./corpus-note.ts";
import { playbookFacts } from "./playbook-facts.ts";
import {
  corpusDigest,
  DEFAULT_TRAIN_CONFIG,
  stratifiedFolds,
  trainSuggestModel,
} from "./train-suggest-model.ts";

const corpus = parseCorpus(corpusText);
const train = corpus.filter((note) => note.split === "train");
const facts = playbookFacts(defaultPlaybook());
/** A small, fast slice with a few notes of every label. */
const slice = train.filter((_, i) => stratifiedFolds(train, 8, 1)[i] === 0);
const quick = { ...DEFAULT_TRAIN_CONFIG, calibrationFolds: 2, maxIterations: 40 };

describe(trainSuggestModel.name, () => {
  it("trains the same model, byte for byte, from the same notes", () => {
    const first = JSON.stringify(trainSuggestModel(slice, facts, quick));
    const second = JSON.stringify(trainSuggestModel(slice, facts, quick));
    expect(second).toBe(first);
  });

  it("keeps the abstention thresholds and temperatures inside their ranges", () => {
    const model = trainSuggestModel(slice, facts, quick);
    for (const level of [model.l1, model.l2, model.l3]) {
      expect(level.temperature).toBeGreaterThan(0);
      const threshold = "threshold" in level ? level.threshold : 0;
      expect(threshold).toBeGreaterThanOrEqual(0.2);
      expect(threshold).toBeLessThanOrEqual(0.95);
    }
    expect(model.l2.labels).toContainEqual({ l1: "duplicate_invalid", l2: null });
  });

  it("learns the L1 of notes that name no L2", () => {
    const model = trainSuggestModel(slice, facts, quick);
    expect(createSuggester(model).suggest("Still blocked, no update.").l1).toBe("blocked");
  });
});

describe("the committed model", () => {
  it("was trained on the current training split of the corpus", () => {
    // If this fails, run `npm run train:suggest` and commit src/domain/suggest/model.json.
    expect(defaultSuggestModel.trainedOn.corpusDigest).toBe(corpusDigest(train));
  });

  it("stays under 2 MB", () => {
    expect(JSON.stringify(defaultSuggestModel).length).toBeLessThan(2 * 1024 * 1024);
  });
});

describe("the corpus", () => {
  it("has at least 40 notes for every L2 of the playbook, and notes for Duplicate/Invalid", () => {
    for (const l1 of defaultPlaybook().l1s) {
      for (const l2 of l1.l2s) {
        const count = corpus.filter((note) => note.l1 === l1.id && note.l2 === l2.id).length;
        expect(count, `${l1.id}/${l2.id}`).toBeGreaterThanOrEqual(40);
      }
    }
    expect(corpus.filter((note) => note.l1 === "duplicate_invalid").length).toBeGreaterThanOrEqual(40);
  });

  it("holds out about a fifth of every label", () => {
    const labels = new Set(corpus.map((note) => `${note.l1}/${note.l2}`));
    for (const label of labels) {
      const notes = corpus.filter((note) => `${note.l1}/${note.l2}` === label);
      const share = notes.filter((note) => note.split === "heldout").length / notes.length;
      if (notes.length >= 20) expect(share, label).toBeCloseTo(0.2, 1);
    }
  });
});

describe(stratifiedFolds.name, () => {
  it("spreads every label over all folds", () => {
    const folds = stratifiedFolds(train, 5, 3);
    const unresponsive = train.flatMap((note, i) => (note.l2 === "customer_unresponsive" ? [folds[i]!] : []));
    expect(new Set(unresponsive)).toEqual(new Set([0, 1, 2, 3, 4]));
  });
});
