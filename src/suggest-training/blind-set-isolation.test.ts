import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defaultPlaybook } from "../../test/support/default-playbook.ts";
import {
  type BlindNote,
  blindAsCorpusNote,
  findBlindLeaks,
  normalizeNoteText,
  parseBlindNotes,
} from "./blind-notes.ts";
import { parseCorpus } from "./corpus-note.ts";

/**
 * The blind evaluation set (corpus/blind/) must stay out of training: no blind note,
 * or a near copy of one, may appear in corpus/notes.jsonl (train or held out).
 * Detection rules and thresholds: findBlindLeaks in blind-notes.ts.
 */
const blindDirectory = fileURLToPath(new URL("../../corpus/blind/", import.meta.url));
const blindFiles = readdirSync(blindDirectory).filter((name) => name.endsWith(".jsonl"));
const blind: BlindNote[] = blindFiles.flatMap((name) =>
  parseBlindNotes(readFileSync(`${blindDirectory}${name}`, "utf8"), name),
);
const corpus = parseCorpus(
  readFileSync(fileURLToPath(new URL("../../corpus/notes.jsonl", import.meta.url)), "utf8"),
);

/**
 * Equal texts found and judged coincidence, by blind id and corpus id. Keep it
 * short, and say why: an entry must be a stock phrase the corpus held before the
 * blind set was written.
 * - b-015 "in progress with partner" = "In progress with partner." (corpus since
 *   0cef2d5, 2026-11-25; the blind set came on 2026-12-07): a four-word marginal note
 *   both writers could reach alone. It still inflates the blind In Progress figures
 *   by one note; dropping it from corpus/sources needs a retrain.
 */
const KNOWN_COINCIDENCES = new Set(["b-015=in_progress.technical_onboarding_and_deployment.1rf4fso"]);

describe("the blind evaluation set", () => {
  it("parses every file of corpus/blind with the corpus fields, and in the evaluation's shape", () => {
    expect(blindFiles.sort()).toEqual(["writer-a.jsonl", "writer-b.jsonl"]);
    expect(blind).toHaveLength(440);
    expect(parseCorpus(blind.map((note) => JSON.stringify(blindAsCorpusNote(note))).join("\n"))).toHaveLength(
      440,
    );
  });

  it("has unique ids", () => {
    const ids = blind.map((note) => note.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("uses only playbook ids", () => {
    const known = new Set<string>();
    for (const l1 of defaultPlaybook().l1s) {
      known.add(`${l1.id}/-/-`);
      for (const l2 of l1.l2s) {
        known.add(`${l1.id}/${l2.id}/-`);
        for (const l3 of l2.l3s) known.add(`${l1.id}/${l2.id}/${l3.id}`);
      }
    }
    const unknown = blind.filter((note) => !known.has(`${note.l1}/${note.l2 ?? "-"}/${note.l3 ?? "-"}`));
    expect(unknown.map((note) => note.id)).toEqual([]);
  });

  it("has no note, nor a near copy of one, in the training corpus", () => {
    const leaks = findBlindLeaks(blind, corpus).filter(
      (leak) => !KNOWN_COINCIDENCES.has(`${leak.blindId}=${leak.corpusId}`),
    );
    expect(leaks).toEqual([]);
  });

  it("still needs every known coincidence", () => {
    const found = new Set(findBlindLeaks(blind, corpus).map((leak) => `${leak.blindId}=${leak.corpusId}`));
    expect([...KNOWN_COINCIDENCES].filter((pair) => !found.has(pair))).toEqual([]);
  });
});

describe(findBlindLeaks.name, () => {
  const note = (id: string, text: string) => ({ id, note: text });
  const blindNote = note(
    "b-1",
    "Blocked: the customer's legal team will not sign the data processing addendum until the EU data boundary ships.",
  );

  it("finds a blind note copied into the corpus, whatever its case, spacing and punctuation", () => {
    const copy = note(
      "c-1",
      " blocked -- The customer's LEGAL team will not sign the data processing addendum until the EU data-boundary ships ",
    );
    expect(normalizeNoteText(copy.note)).toBe(normalizeNoteText(blindNote.note));
    expect(findBlindLeaks([blindNote], [copy])).toMatchObject([
      { blindId: "b-1", corpusId: "c-1", kind: "equal" },
    ]);
  });

  it("finds a near copy with a word changed, and one pasted into a longer note", () => {
    const edited = note(
      "c-2",
      "Blocked: the customer's legal team will not sign the data processing addendum until the EU data boundary is live.",
    );
    const pasted = note(
      "c-3",
      `Third call this month. ${blindNote.note} Account team to follow up with the product group next week.`,
    );
    const leaks = findBlindLeaks([blindNote], [edited, pasted]);
    expect(leaks.map((leak) => [leak.corpusId, leak.kind])).toEqual([
      ["c-2", "near"],
      ["c-3", "near"],
    ]);
    expect(leaks[0]!.jaccard).toBeGreaterThanOrEqual(0.6);
    expect(leaks[1]!.jaccard).toBeLessThan(0.6);
    expect(leaks[1]!.containment).toBe(1);
  });

  it("lets a paraphrase on the same topic and a stock phrase through", () => {
    const paraphrase = note(
      "c-4",
      "Legal will not approve the DPA before Microsoft delivers the EU Data Boundary, so SharePoint stays blocked.",
    );
    expect(findBlindLeaks([blindNote], [paraphrase])).toEqual([]);
    expect(
      findBlindLeaks([note("b-2", "Blocked."), note("b-3", "")], [note("c-5", "blocked"), note("c-6", "")]),
    ).toEqual([]);
  });

  it("checks equal text from four words, near copies from six", () => {
    expect(
      findBlindLeaks([note("b-4", "in progress with partner")], [note("c-7", "In progress with partner.")]),
    ).toHaveLength(1);
    expect(
      findBlindLeaks(
        [note("b-5", "in progress with partner")],
        [note("c-8", "in progress with the partner")],
      ),
    ).toEqual([]);
  });
});
