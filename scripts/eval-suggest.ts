/**
 * Evaluates the status-note suggester and the note linter on corpus/notes.jsonl:
 *
 * 1. stratified k-fold cross-validation on the training split (a fresh model per
 *    fold, trained exactly like `npm run train:suggest`);
 * 2. the committed model (src/domain/suggest/model.json) on the fixed held-out
 *    split, which no training, tuning or threshold ever saw.
 *
 *   npm run eval:suggest            (add -- --folds 10 for more folds)
 *
 * docs/SUGGEST.md explains every figure.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadPlaybook } from "../src/app/playbook/load-playbook.ts";
import { createSuggester } from "../src/domain/suggest/create-suggester.ts";
import { defaultSuggestModel } from "../src/domain/suggest/default-model.ts";
import type { SuggestModel } from "../src/domain/suggest/suggest-model.ts";
import { parseCorpus } from "../src/suggest-training/corpus-note.ts";
import {
  type EvaluatedNote,
  type EvaluationReport,
  evaluateNotes,
  NOT_BLOCKED,
  summarize,
} from "../src/suggest-training/evaluate-suggestions.ts";
import { playbookFacts } from "../src/suggest-training/playbook-facts.ts";
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

const corpusPath = fileURLToPath(new URL("../corpus/notes.jsonl", import.meta.url));
const corpus = parseCorpus(readFileSync(corpusPath, "utf8"));
const train = corpus.filter((note) => note.split === "train");
const heldout = corpus.filter((note) => note.split === "heldout");
const { playbook, index } = loadPlaybook();
const facts = playbookFacts(playbook);
const blockedL2s = playbook.l1s.find((l1) => l1.id === "blocked")?.l2s.map((l2) => l2.id) ?? [];

console.log(`Corpus: ${corpus.length} notes, ${train.length} for training, ${heldout.length} held out.`);

// 1. Cross-validation on the training split.
const started = performance.now();
const assignment = stratifiedFolds(train, folds, CV_SEED);
const pooled: EvaluatedNote[] = [];
const cvL3L2s = new Set<string>();
for (let fold = 0; fold < folds; fold += 1) {
  const model = trainSuggestModel(
    train.filter((_, i) => assignment[i] !== fold),
    facts,
    DEFAULT_TRAIN_CONFIG,
  );
  for (const key of l3L2sOf(model)) cvL3L2s.add(key);
  pooled.push(
    ...evaluateNotes(
      createSuggester(model, index),
      train.filter((_, i) => assignment[i] === fold),
    ),
  );
}
const cvSeconds = ((performance.now() - started) / 1000).toFixed(1);
print(
  `${folds}-fold stratified cross-validation on the training split (${cvSeconds} s)`,
  summarize(pooled, blockedL2s, cvL3L2s),
);

// 2. The committed model on the held-out split.
const model = defaultSuggestModel;
if (model.trainedOn.corpusDigest !== corpusDigest(train)) {
  console.log(
    "\nWARNING: model.json was not trained on the current training split; run `npm run train:suggest`.",
  );
}
const suggester = createSuggester(model, index);
print(
  "Held-out split, committed model (never used for training or tuning)",
  summarize(evaluateNotes(suggester, heldout), blockedL2s, l3L2sOf(model)),
);

// 3. Speed of one suggestion, warm, in this process.
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
