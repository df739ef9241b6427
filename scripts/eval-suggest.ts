/**
 * Evaluates the status-note suggester and the note linter:
 *
 * 1. the committed model (src/domain/suggest/model.json) on the blind set
 *    (corpus/blind/*.jsonl), notes by writers who never saw the corpus or the model
 *    and which nothing is ever trained or tuned on: the honest figures;
 * 2. stratified k-fold cross-validation on the training split of
 *    corpus/notes.jsonl (a fresh model per fold, trained exactly like
 *    `npm run train:suggest`);
 * 3. the committed model on the fixed held-out split of corpus/notes.jsonl.
 *
 *   npm run eval:suggest            (add -- --folds 10 for more folds)
 *   npm run eval:suggest -- --skip-blind   (tuning runs: leaves the blind set unread)
 *   npm run --silent eval:suggest | tee corpus/blind/eval-latest.txt   (the kept copy)
 *
 * docs/SUGGEST.md explains every figure.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadPlaybook } from "../src/app/playbook/load-playbook.ts";
import { createNoteGrader } from "../src/domain/notes/note-grader.ts";
import { createSuggester } from "../src/domain/suggest/create-suggester.ts";
import { defaultSuggestModel } from "../src/domain/suggest/default-model.ts";
import type { SuggestModel } from "../src/domain/suggest/suggest-model.ts";
import {
  type BlindNote,
  blindAsCorpusNote,
  HARD_KINDS,
  parseBlindNotes,
} from "../src/suggest-training/blind-notes.ts";
import { parseCorpus } from "../src/suggest-training/corpus-note.ts";
import {
  type EvaluatedNote,
  type EvaluationReport,
  evaluateNotes,
  NOT_BLOCKED,
  summarize,
} from "../src/suggest-training/evaluate-suggestions.ts";
import { playbookFacts } from "../src/suggest-training/playbook-facts.ts";
import { trainGradeModel } from "../src/suggest-training/train-grade-model.ts";
import {
  corpusDigest,
  DEFAULT_TRAIN_CONFIG,
  stratifiedFolds,
  trainSuggestModel,
} from "../src/suggest-training/train-suggest-model.ts";

const CV_SEED = 2024;

const SHORT: Record<string, string> = {
  customer_it_infrastructure_remediation: "infra",
  it_change_management_resourcing: "it-chg",
  adoption_readiness: "adopt",
  product_feature_capability: "feature",
  app_compatibility: "app-comp",
  partner_engagement: "partner",
  billing_licensing_subscription: "billing",
  service_reliability: "reliab",
  legal_regulatory: "legal",
  security_privacy_non_product: "security",
  [NOT_BLOCKED]: "not-blkd",
};

const foldsArgument = process.argv.indexOf("--folds");
const folds = foldsArgument > 0 ? Number(process.argv[foldsArgument + 1]) : 5;
// Whoever tunes the model runs without the blind set, so its figures cannot steer the tuning.
const skipBlind = process.argv.includes("--skip-blind");

const corpusPath = fileURLToPath(new URL("../corpus/notes.jsonl", import.meta.url));
const corpus = parseCorpus(readFileSync(corpusPath, "utf8"));
const train = corpus.filter((note) => note.split === "train");
const heldout = corpus.filter((note) => note.split === "heldout");
const { playbook, index } = loadPlaybook();
const facts = playbookFacts(playbook);
const blockedL2s = playbook.l1s.find((l1) => l1.id === "blocked")?.l2s.map((l2) => l2.id) ?? [];

const model = defaultSuggestModel;
const suggester = createSuggester(model, index);
if (model.trainedOn.corpusDigest !== corpusDigest(train)) {
  console.log(
    "WARNING: model.json was not trained on the current training split; run `npm run train:suggest`.",
  );
}

// 1. The committed model on the blind set.
if (skipBlind) console.log("Blind set: skipped (--skip-blind).");
else {
  const blindDirectory = fileURLToPath(new URL("../corpus/blind/", import.meta.url));
  const blindFiles = readdirSync(blindDirectory)
    .filter((name) => name.endsWith(".jsonl"))
    .sort();
  const blind: BlindNote[] = blindFiles.flatMap((name) =>
    parseBlindNotes(readFileSync(`${blindDirectory}${name}`, "utf8"), name),
  );
  const blindEvaluated = evaluateNotes(suggester, blind.map(blindAsCorpusNote));
  console.log(
    `Blind set: ${blind.length} notes (${blindFiles.join(", ")}), never used for training or tuning.`,
  );
  print(
    "Blind set, committed model (writers who never saw the corpus or the model)",
    summarize(blindEvaluated, blockedL2s, l3L2sOf(model)),
  );
  printHardKinds(blind, blindEvaluated);
}

console.log(`\nCorpus: ${corpus.length} notes, ${train.length} for training, ${heldout.length} held out.`);

// 2. Cross-validation on the training split.
const started = performance.now();
const assignment = stratifiedFolds(train, folds, CV_SEED);
const pooled: EvaluatedNote[] = [];
const cvL3L2s = new Set<string>();
for (let fold = 0; fold < folds; fold += 1) {
  const foldTrain = train.filter((_, i) => assignment[i] !== fold);
  const model = trainSuggestModel(foldTrain, facts, DEFAULT_TRAIN_CONFIG);
  for (const key of l3L2sOf(model)) cvL3L2s.add(key);
  pooled.push(
    ...evaluateNotes(
      createSuggester(model, index),
      train.filter((_, i) => assignment[i] === fold),
      // The learned grade too is trained without the fold it grades.
      createNoteGrader(trainGradeModel(foldTrain)),
    ),
  );
}
const cvSeconds = ((performance.now() - started) / 1000).toFixed(1);
print(
  `${folds}-fold stratified cross-validation on the training split (${cvSeconds} s)`,
  summarize(pooled, blockedL2s, cvL3L2s),
);

// 3. The committed model on the held-out split.
print(
  "Held-out split, committed model (never used for training or tuning)",
  summarize(evaluateNotes(suggester, heldout), blockedL2s, l3L2sOf(model)),
);

// 4. Speed of one suggestion, warm, in this process.
const timed = heldout.slice(0, 200);
for (const note of timed) suggester.suggest(note.note, note.workload);
const timing = performance.now();
const rounds = 5;
for (let round = 0; round < rounds; round += 1)
  for (const note of timed) suggester.suggest(note.note, note.workload);
const perSuggestion = (performance.now() - timing) / (rounds * timed.length);
console.log(
  `\nLatency: ${perSuggestion.toFixed(3)} ms per suggestion (mean of ${rounds * timed.length}, warm).`,
);

/** Accuracy on the notes of each hard kind (blind set), against the notes that are not hard. */
function printHardKinds(notes: BlindNote[], evaluated: EvaluatedNote[]): void {
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  const groups: [string, (note: BlindNote) => boolean][] = [
    ...HARD_KINDS.map((kind): [string, (note: BlindNote) => boolean] => [kind, (note) => note.hard === kind]),
    ["any hard", (note) => note.hard !== null],
    ["not hard", (note) => note.hard === null && note.quality !== "poor"],
    ["poor", (note) => note.quality === "poor"],
  ];
  console.log("\nBy kind of difficulty (top-1; poor notes are never hard, so 'not hard' leaves them out)");
  console.log("kind                notes  L1 acc  with L2  L2 acc  Blocked L2s  recall");
  for (const [name, member] of groups) {
    const report = summarize(
      evaluated.filter((_, i) => member(notes[i]!)),
      blockedL2s,
      new Set(),
    );
    console.log(
      `${name.padEnd(18)} ${String(report.notes).padStart(6)}  ${pct(report.l1.accuracy).padStart(6)}  ${String(report.l2.notes).padStart(7)}  ${report.l2.notes === 0 ? "     -" : pct(report.l2.accuracy).padStart(6)}  ${String(report.blocked.notes).padStart(11)}  ${report.blocked.notes === 0 ? "     -" : pct(report.blocked.accuracy).padStart(6)}`,
    );
  }
}

function l3L2sOf(trained: SuggestModel): Set<string> {
  return new Set(
    trained.l3.labels
      .filter((label) => label.l3 !== null)
      .map((label) => `${label.l1}/${label.l2}/${label.l3}`),
  );
}

function print(title: string, report: EvaluationReport): void {
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  const f = (value: number) => value.toFixed(3);
  console.log(`\n== ${title}: ${report.notes} notes`);
  console.log("level            notes  top-1 acc  macro-F1  answered  answered acc   ECE");
  for (const [name, level] of [
    ["L1", report.l1],
    ["L2 (all L1s)", report.l2],
  ] as const) {
    console.log(
      `${name.padEnd(16)} ${String(level.notes).padStart(5)}  ${pct(level.accuracy).padStart(9)}  ${f(level.macroF1).padStart(8)}  ${pct(level.coverage).padStart(8)}  ${pct(level.answeredAccuracy).padStart(12)}  ${f(level.ece)}`,
    );
  }
  console.log(
    `${"L2 within Blocked".padEnd(16)} ${String(report.blocked.notes).padStart(5)}  ${pct(report.blocked.accuracy).padStart(9)}  ${f(report.blocked.macroF1).padStart(8)}`,
  );
  console.log(
    `${"L3".padEnd(16)} ${String(report.l3.notes).padStart(5)}  ${pct(report.l3.accuracy).padStart(9)}  ${f(report.l3.macroF1).padStart(8)}  ${pct(report.l3.coverage).padStart(8)}  ${pct(report.l3.answeredPrecision).padStart(12)}`,
  );
  console.log(
    `Abstention: L1 ${pct(1 - report.l1.coverage)} of notes, L2 ${pct(1 - report.l2.coverage)} of notes with an L2, L3 ${pct(1 - report.l3.coverage)} of notes whose L2 has L3s.`,
  );

  console.log("\nBlocked L2s, per class (rows: labelled L2; columns: most likely L2)");
  const short = (id: string) => SHORT[id] ?? id.slice(0, 8);
  const columns = report.blocked.confusion.columns.map(short);
  const width = 9;
  console.log(
    `${"".padEnd(10)} ${columns.map((column) => column.padStart(width)).join("")}    prec  recall    F1`,
  );
  report.blocked.confusion.counts.forEach((row, i) => {
    const score = report.blocked.classes[i]!;
    console.log(
      `${short(report.blocked.confusion.rows[i]!).padEnd(10)} ${row.map((count) => String(count).padStart(width)).join("")}   ${f(score.precision)}  ${f(score.recall)}  ${f(score.f1)}`,
    );
  });

  const linter = report.linter;
  console.log(`\nLinter vs quality labels: ${pct(linter.agreement)} agreement on ${linter.notes} notes`);
  console.log(`${"label \\ linter".padEnd(16)}${linter.grades.map((grade) => grade.padStart(10)).join("")}`);
  linter.confusion.forEach((row, i) => {
    console.log(`${linter.grades[i]!.padEnd(16)}${row.map((count) => String(count).padStart(10)).join("")}`);
  });
}
