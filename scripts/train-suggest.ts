/**
 * Trains the status-note suggester on the training split of corpus/notes.jsonl and
 * writes src/domain/suggest/model.json. Deterministic: the same corpus and config
 * give the same file, so the artifact can be checked in and reviewed.
 *
 * It also trains the note linter's learned grade (src/domain/notes/grade-model.json).
 *
 *   npm run train:suggest                  (add -- --grade-only to retrain only the grade)
 */
import { execFileSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadPlaybook } from "../src/app/playbook/load-playbook.ts";
import { parseCorpus } from "../src/suggest-training/corpus-note.ts";
import { playbookFacts } from "../src/suggest-training/playbook-facts.ts";
import { trainGradeModel } from "../src/suggest-training/train-grade-model.ts";
import { DEFAULT_TRAIN_CONFIG, trainSuggestModel } from "../src/suggest-training/train-suggest-model.ts";

const corpusPath = fileURLToPath(new URL("../corpus/notes.jsonl", import.meta.url));
const modelPath = fileURLToPath(new URL("../src/domain/suggest/model.json", import.meta.url));
const gradeModelPath = fileURLToPath(new URL("../src/domain/notes/grade-model.json", import.meta.url));

const started = performance.now();
const notes = parseCorpus(readFileSync(corpusPath, "utf8")).filter((note) => note.split === "train");
const { playbook } = loadPlaybook();
// Format like every other file in the repository, so `biome check .` stays clean after retraining.
const biome = fileURLToPath(new URL("../node_modules/@biomejs/biome/bin/biome", import.meta.url));
const write = (path: string, value: unknown) => {
  writeFileSync(path, `${JSON.stringify(value)}\n`);
  execFileSync(process.execPath, [biome, "format", "--write", path], { stdio: "ignore" });
  return Math.round(statSync(path).size / 1024);
};

const grade = trainGradeModel(notes);
const gradeKilobytes = write(gradeModelPath, grade);
console.log(
  `Grade model: ${grade.vectorizer.vocabulary.length} features -> src/domain/notes/grade-model.json (${gradeKilobytes} KB)`,
);
if (!process.argv.includes("--grade-only")) {
  const model = trainSuggestModel(notes, playbookFacts(playbook), DEFAULT_TRAIN_CONFIG);
  const kilobytes = write(modelPath, model);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Trained on ${notes.length} training notes in ${seconds} s -> src/domain/suggest/model.json (${kilobytes} KB)`,
  );
  console.log(`  vocabulary ${model.vectorizer.vocabulary.length} features`);
  console.log(
    `  L1: ${model.l1.labels.length} classes, temperature ${model.l1.temperature}, threshold ${model.l1.threshold}`,
  );
  console.log(
    `  L2: ${model.l2.labels.length} classes, temperature ${model.l2.temperature}, threshold ${model.l2.threshold}`,
  );
  const l3Count = model.l3.labels.filter((label) => label.l3 !== null).length;
  console.log(`  L3: ${l3Count} L3s, temperature ${model.l3.temperature}, threshold ${model.l3.threshold}`);
}
