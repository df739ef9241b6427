/**
 * Builds corpus/notes.jsonl from the hand-written sources in corpus/sources/.
 *
 *   npx tsx corpus/build-corpus.ts
 *
 * Source files are named `<l1>.<l2>.txt` (`<l1>.-.txt` for notes that carry no L2
 * information, `duplicate_invalid.txt` for the L1 without L2s). Each line is
 * `quality|workload|l3|note` where quality is g (great), m (marginal), p (poor) or
 * P (poor, and the note says nothing about its L2, so the L2 label is left null)
 * and "-" stands for null.
 *
 * The held-out split is fixed: a note keeps the split it was given the first time
 * it was built (matched by its text). New notes are split per label, 20% held out,
 * choosing by a seeded hash of the text, so rebuilding never reshuffles the split.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { indexPlaybook } from "../src/domain/playbook/playbook-index.ts";
import { playbookSchema } from "../src/domain/playbook/playbook-schema.ts";
import { findBlindLeaks, parseBlindNotes } from "../src/suggest-training/blind-notes.ts";
import { type CorpusNote, corpusNoteSchema } from "../src/suggest-training/corpus-note.ts";

const HELDOUT_SHARE = 0.2;
const SPLIT_SEED = 20240611;

const corpusDir = fileURLToPath(new URL(".", import.meta.url));
const sourcesDir = `${corpusDir}sources/`;
const outputPath = `${corpusDir}notes.jsonl`;
const playbook = playbookSchema.parse(
  parse(readFileSync(fileURLToPath(new URL("../playbooks/default.yaml", import.meta.url)), "utf8")),
);
const index = indexPlaybook(playbook);

const QUALITY: Record<string, CorpusNote["quality"]> = { g: "great", m: "marginal", p: "poor", P: "poor" };

function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const previous = new Map<string, CorpusNote>();
if (existsSync(outputPath)) {
  for (const line of readFileSync(outputPath, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const note = corpusNoteSchema.parse(JSON.parse(line));
    previous.set(note.note, note);
  }
}

type Draft = Omit<CorpusNote, "split"> & { split?: CorpusNote["split"] };
const drafts: Draft[] = [];
const problems: string[] = [];
const seen = new Set<string>();

for (const file of readdirSync(sourcesDir)
  .filter((name) => name.endsWith(".txt"))
  .sort()) {
  const [l1, fileL2] = file.replace(/\.txt$/, "").split(".");
  if (!l1 || !index.l1(l1)) {
    problems.push(`${file}: unknown L1 ${l1}`);
    continue;
  }
  const l2FromFile = fileL2 && fileL2 !== "-" ? fileL2 : null;
  if (l2FromFile && !index.l2(l1, l2FromFile)) problems.push(`${file}: unknown L2 ${l1}/${l2FromFile}`);
  readFileSync(`${sourcesDir}${file}`, "utf8")
    .split("\n")
    .forEach((line, lineIndex) => {
      if (line.trim() === "" || line.startsWith("#")) return;
      const where = `${file}:${lineIndex + 1}`;
      const [qualityCode = "", workloadText = "", l3Text = "", ...rest] = line.split("|");
      const text = rest.join("|").trim();
      const quality = QUALITY[qualityCode];
      if (!quality || text === "") {
        problems.push(`${where}: expected quality|workload|l3|note`);
        return;
      }
      if (seen.has(text)) problems.push(`${where}: duplicate note text`);
      seen.add(text);
      const workload = workloadText === "-" ? null : workloadText;
      if (workload && !index.service(workload)) problems.push(`${where}: unknown workload ${workload}`);
      const l2 = qualityCode === "P" ? null : l2FromFile;
      const l3 = l3Text === "-" || l2 === null ? null : l3Text;
      if (l3 && l2 && index.l2(l1, l2)?.l3s.length && !index.l3(l1, l2, l3, workload ?? undefined)) {
        problems.push(
          `${where}: L3 ${l3} is not in the playbook for ${l1}/${l2} on ${workload ?? "any service"}`,
        );
      }
      const old = previous.get(text);
      const id = old?.id ?? `${l1}.${l2 ?? "none"}.${fnv1a(text, SPLIT_SEED).toString(36)}`;
      drafts.push({ id, note: text, workload, l1, l2, l3, quality, split: old?.split });
    });
}

// Notes of the independent training writers (corpus/training-writers/README.md), already labelled.
const writersDir = `${corpusDir}training-writers/`;
const writerFiles = existsSync(writersDir)
  ? readdirSync(writersDir)
      .filter((name) => name.endsWith(".jsonl"))
      .sort()
  : [];
const duplicates: string[] = [];
const droppedL3s: string[] = [];
for (const file of writerFiles) {
  readFileSync(`${writersDir}${file}`, "utf8")
    .split("\n")
    .forEach((line, lineIndex) => {
      if (line.trim() === "") return;
      const where = `training-writers/${file}:${lineIndex + 1}`;
      const raw = JSON.parse(line) as Record<string, unknown>;
      const text = String(raw.note ?? "").trim();
      const l1 = String(raw.l1 ?? "");
      const l2 = typeof raw.l2 === "string" ? raw.l2 : null;
      const namedL3 = typeof raw.l3 === "string" && l2 !== null ? raw.l3 : null;
      const workload = typeof raw.workload === "string" ? raw.workload : null;
      const quality = raw.quality as CorpusNote["quality"];
      if (text === "") {
        duplicates.push(where);
        return;
      } // a blank note teaches nothing the linter lacks
      if (seen.has(text)) {
        duplicates.push(where);
        return;
      } // two writers' "No intent." is one note
      seen.add(text);
      if (!index.l1(l1) || (l2 !== null && !index.l2(l1, l2))) {
        problems.push(`${where}: unknown ${l1}/${l2}`);
        return;
      }
      if (workload && !index.service(workload)) {
        problems.push(`${where}: unknown workload ${workload}`);
        return;
      }
      // An L3 that is not the playbook's for this L2 and service is the writer's slip, not the
      // note's: the note keeps its L1 and L2, which are what it teaches most, without an L3.
      const l3 = namedL3 && l2 && !index.l3(l1, l2, namedL3, workload ?? undefined) ? null : namedL3;
      if (l3 !== namedL3) droppedL3s.push(where);
      const old = previous.get(text);
      const id = old?.id ?? `${file.replace(/\.jsonl$/, "")}.${String(raw.id)}`;
      drafts.push({ id, note: text, workload, l1, l2, l3, quality, split: old?.split });
    });
}

if (duplicates.length > 0)
  console.log(
    `Skipped ${duplicates.length} writer notes that are blank or whose text the corpus already has.`,
  );

if (droppedL3s.length > 0)
  console.log(
    `Kept ${droppedL3s.length} writer notes without their L3, which the playbook does not list there.`,
  );

// A writer can reach a blind note's words alone ("lorem ipsum dolor sit amet"): such notes
// are left out, so the blind set stays unseen (blind-set-isolation.test.ts).
const blindDir = `${corpusDir}blind/`;
const blindNotes = readdirSync(blindDir)
  .filter((name) => name.endsWith(".jsonl"))
  .flatMap((name) => parseBlindNotes(readFileSync(`${blindDir}${name}`, "utf8"), name));
const writerDrafts = drafts.filter((draft) => draft.id.startsWith("writer-"));
const leaked = new Set(findBlindLeaks(blindNotes, writerDrafts).map((leak) => leak.corpusId));
if (leaked.size > 0)
  console.log(`Left out ${leaked.size} writer notes that equal or nearly copy a blind note.`);
drafts.splice(0, drafts.length, ...drafts.filter((draft) => !leaked.has(draft.id)));

// Split new notes per label so every label keeps about 20% held out.
const groups = new Map<string, Draft[]>();
for (const draft of drafts) {
  const key = `${draft.l1}/${draft.l2 ?? "-"}`;
  groups.set(key, [...(groups.get(key) ?? []), draft]);
}
for (const group of groups.values()) {
  const wanted = Math.round(group.length * HELDOUT_SHARE);
  let heldout = group.filter((draft) => draft.split === "heldout").length;
  const fresh = group
    .filter((draft) => draft.split === undefined)
    .sort((a, b) => fnv1a(a.note, SPLIT_SEED) - fnv1a(b.note, SPLIT_SEED));
  for (const draft of fresh) {
    draft.split = heldout < wanted ? "heldout" : "train";
    if (draft.split === "heldout") heldout += 1;
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exitCode = 1;
}
const notes = drafts.map((draft) => corpusNoteSchema.parse(draft));
writeFileSync(outputPath, `${notes.map((note) => JSON.stringify(note)).join("\n")}\n`);
const heldout = notes.filter((note) => note.split === "heldout").length;
console.log(`${notes.length} notes written to corpus/notes.jsonl (${heldout} held out)`);
