import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultGradeModel } from "../domain/notes/default-note-grader.ts";
import { lintNote } from "../domain/notes/lint-note.ts";
import { createNoteGrader, type NoteGrader } from "../domain/notes/note-grader.ts";
import { parseCorpus } from "./corpus-note.ts";
import { trainGradeModel } from "./train-grade-model.ts";

const corpus = parseCorpus(readFileSync(new URL("../../corpus/notes.jsonl", import.meta.url), "utf8"));
const train = corpus.filter((note) => note.split === "train");

describe("the learned note grade", () => {
  it("is committed as trained on the current training split (retrain with npm run train:suggest)", () => {
    const retrained = trainGradeModel(train);
    expect(defaultGradeModel.trainedOn).toEqual(retrained.trainedOn);
    expect(defaultGradeModel.vectorizer.vocabulary.length).toBe(retrained.vectorizer.vocabulary.length);
  });

  it("agrees with the held-out split's grades more often than the rules alone", () => {
    const heldout = corpus.filter((note) => note.split === "heldout");
    // The linter before the learned grade: any marginal finding made the note marginal.
    const rulesAlone: NoteGrader = (_, reading) => reading.marginalCodes.length > 0;
    const agreement = (grade: (text: string, l1: string, l2: string | null) => string) =>
      heldout.filter((note) => grade(note.note, note.l1, note.l2) === note.quality).length / heldout.length;
    const learned = agreement((text, l1, l2) => lintNote(text, { l1, l2 }).grade);
    const rules = agreement((text, l1, l2) => lintNote(text, { l1, l2 }, rulesAlone).grade);
    expect(learned).toBeGreaterThan(rules);
    expect(learned).toBeGreaterThan(0.85);
  });

  it("keeps poor to the rules: gibberish and a bare status stay poor whatever the model says", () => {
    const alwaysGreat = createNoteGrader({ ...defaultGradeModel, threshold: 2 });
    expect(lintNote("asdf qwerty zxcv", { l1: "blocked" }, alwaysGreat).grade).toBe("poor");
    expect(lintNote("Blocked.", { l1: "blocked" }, alwaysGreat).grade).toBe("poor");
  });
});
