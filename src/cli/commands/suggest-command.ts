import { readFileSync } from "node:fs";
import { Command } from "commander";
import { isAppError } from "../../domain/app-error.ts";
import { lintNote, type NoteHint } from "../../domain/notes/lint-note.ts";
import type { PlaybookIndex } from "../../domain/playbook/playbook-index.ts";
import { confidenceBand } from "../../domain/suggest/confidence-band.ts";
import type { Suggester, Suggestion } from "../../domain/suggest/create-suggester.ts";

/** Where the note commands write, read and fail; injectable so tests capture the output. */
export interface NoteCommandIo {
  out(text: string): void;
  err(text: string): void;
  /** Sets the exit code; actions never call process.exit, so output gets flushed. */
  fail(code: number): void;
  /** Reads a whole file; "-" is standard input. */
  readFile(path: string): string;
}

export const processNoteIo: NoteCommandIo = {
  out: (text) => {
    process.stdout.write(text);
  },
  err: (text) => {
    process.stderr.write(text);
  },
  fail: (code) => {
    process.exitCode = code;
  },
  readFile: (path) => readFileSync(path === "-" ? 0 : path, "utf8"),
};

/** One line of `--input`: `{"id", "note", "workload"}` (workload may be null). */
interface BatchInput {
  id: unknown;
  note: string;
  workload: string | null;
}

/** Green, amber or red, as the original portal showed its confidence. */

/**
 * `unblock suggest "note"`: proposes the L1, L2 and L3 of a status note with a
 * confidence, the words behind it and the note's grade; `--input notes.jsonl`
 * does the same for one note per line, writing one JSON line per input line in
 * the same order.
 */
export function suggestCommand(io: NoteCommandIo = processNoteIo): Command {
  return new Command("suggest")
    .description("Propose the L1, L2 and L3 of a status note, with a confidence and the note's grade")
    .argument("[note]", "the status note (quote it)")
    .option("--workload <service>", "the service the note is about (id, name or code, e.g. teams, EXO)")
    .option("--json", "print JSON instead of text")
    .option("--input <file>", "classify a JSON Lines file of {id, note, workload} ('-' reads standard input)")
    .option("--playbook <file>", "playbook file (default: UNBLOCK_PLAYBOOK, else playbooks/default.yaml)")
    .action(
      async (
        note: string | undefined,
        options: { workload?: string; json?: boolean; input?: string; playbook?: string },
      ) => {
        // Text output names the labels, so it reads the playbook; JSON and batch runs use the
        // facts bundled in the model unless a playbook is named, which keeps start-up short.
        const needsNames = options.input === undefined && !options.json;
        const context = await openSuggester(io, options.playbook, needsNames);
        if (!context) return;
        if (options.input !== undefined) {
          runBatch(io, context, options.input);
          return;
        }
        if (note === undefined) {
          io.err('error: give a note ("unblock suggest \\"the note\\"") or --input <file>\n');
          io.fail(1);
          return;
        }
        const workload = resolveWorkload(io, context.suggester, options.workload ?? null);
        const suggestion = context.suggester.suggest(note, workload);
        const lint = lintNote(note, { l1: suggestion.l1, l2: suggestion.l2 });
        if (options.json || !context.index) {
          const band = confidenceBand(suggestion.confidence);
          io.out(
            `${JSON.stringify({ ...suggestion, band, grade: lint.grade, hints: lint.hints }, null, 2)}\n`,
          );
          return;
        }
        io.out(describeSuggestion(context.index, suggestion, lint.grade, lint.hints));
      },
    );
}

export interface SuggestContext {
  suggester: Suggester;
  /** The playbook, when the command needed it (names, or a playbook other than the model's). */
  index: PlaybookIndex | null;
}

/**
 * Loads the bundled model, and the playbook when asked for or when one is configured
 * (--playbook or UNBLOCK_PLAYBOOK): then L3s are checked against that playbook. Both
 * are imported on first use, so other commands do not pay for them.
 */
export async function openSuggester(
  io: NoteCommandIo,
  playbookPath: string | undefined,
  needsIndex: boolean,
): Promise<SuggestContext | null> {
  const { defaultSuggester } = await import("../../domain/suggest/default-model.ts");
  if (!needsIndex && playbookPath === undefined && !process.env.UNBLOCK_PLAYBOOK) {
    return { suggester: defaultSuggester(), index: null };
  }
  try {
    const { loadPlaybook } = await import("../../app/playbook/load-playbook.ts");
    const { index } = loadPlaybook(playbookPath);
    return { suggester: defaultSuggester(index), index };
  } catch (error) {
    if (!isAppError(error)) throw error;
    io.err(`error: ${error.message}\n`);
    for (const violation of error.violations) io.err(`  ${violation.field} ${violation.message}\n`);
    io.fail(2);
    return null;
  }
}

function runBatch(io: NoteCommandIo, context: SuggestContext, path: string): void {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    io.err(`error: cannot read ${path}: ${(error as Error).message}\n`);
    io.fail(2);
    return;
  }
  const warned = new Set<string>();
  const lines: string[] = [];
  let failures = 0;
  text.split("\n").forEach((raw, index) => {
    if (raw.trim() === "") return;
    const parsed = parseBatchLine(raw);
    if (typeof parsed === "string") {
      failures += 1;
      io.err(`${path}:${index + 1}: ${parsed}\n`);
      lines.push(JSON.stringify({ ...batchResult(idOf(raw), null, null, []), error: parsed }));
      return;
    }
    const workload = resolveWorkload(io, context.suggester, parsed.workload, warned);
    const suggestion = context.suggester.suggest(parsed.note, workload);
    const lint = lintNote(parsed.note, { l1: suggestion.l1, l2: suggestion.l2 });
    lines.push(JSON.stringify(batchResult(parsed.id, suggestion, lint.grade, lint.hints)));
  });
  io.out(lines.length > 0 ? `${lines.join("\n")}\n` : "");
  if (failures > 0) io.fail(1);
}

function batchResult(id: unknown, suggestion: Suggestion | null, grade: string | null, hints: NoteHint[]) {
  return {
    id: id ?? null,
    l1: suggestion?.l1 ?? null,
    l2: suggestion?.l2 ?? null,
    l3: suggestion?.l3 ?? null,
    confidence: suggestion?.confidence ?? 0,
    grade,
    hints,
  };
}

/** The parsed line, or what is wrong with it. */
function parseBatchLine(raw: string): BatchInput | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return "not valid JSON";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "expected a JSON object";
  const record = value as Record<string, unknown>;
  if (typeof record.note !== "string") return '"note" must be a string';
  if (record.workload !== undefined && record.workload !== null && typeof record.workload !== "string") {
    return '"workload" must be a string or null';
  }
  return {
    id: record.id,
    note: record.note,
    workload: (record.workload as string | null | undefined) ?? null,
  };
}

function idOf(raw: string): unknown {
  try {
    return (JSON.parse(raw) as { id?: unknown }).id ?? null;
  } catch {
    return null;
  }
}

/** A workload the playbook does not know is ignored (with one warning per value), not fatal. */
function resolveWorkload(
  io: NoteCommandIo,
  suggester: Suggester,
  workload: string | null,
  warned = new Set<string>(),
): string | null {
  if (workload === null || workload.trim() === "") return null;
  const service = suggester.service(workload);
  if (service) return service;
  if (!warned.has(workload)) {
    warned.add(workload);
    io.err(`warning: unknown workload "${workload}" ignored\n`);
  }
  return null;
}

function describeSuggestion(
  index: PlaybookIndex,
  suggestion: Suggestion,
  grade: string,
  hints: NoteHint[],
): string {
  const l1Name = (id: string) => index.l1(id)?.name ?? id;
  const l2Name = (l1: string, l2: string | null) => (l2 === null ? "-" : (index.l2(l1, l2)?.name ?? l2));
  const lines: string[] = [];
  const band = confidenceBand(suggestion.confidence);
  if (suggestion.l1 === null) {
    lines.push(
      `No suggestion: the note is too unclear to classify (confidence ${suggestion.confidence.toFixed(2)}, ${band}).`,
    );
  } else {
    lines.push(`L1  ${l1Name(suggestion.l1)}`);
    lines.push(`L2  ${suggestion.l2 === null ? "(no suggestion)" : l2Name(suggestion.l1, suggestion.l2)}`);
    const l3 =
      suggestion.l2 && suggestion.l3 ? index.l3(suggestion.l1, suggestion.l2, suggestion.l3) : undefined;
    lines.push(`L3  ${l3?.name ?? suggestion.l3 ?? "(no suggestion)"}`);
    lines.push(`Confidence ${suggestion.confidence.toFixed(2)} (${band})`);
  }
  if (suggestion.evidence.length > 0) lines.push(`Because of: ${suggestion.evidence.join(", ")}`);
  if (suggestion.alternatives.length > 0) {
    const alternatives = suggestion.alternatives.map(
      (alternative) =>
        `${l1Name(alternative.l1)}${alternative.l2 ? ` / ${l2Name(alternative.l1, alternative.l2)}` : ""} (${alternative.confidence.toFixed(2)})`,
    );
    lines.push(`Also possible: ${alternatives.join("; ")}`);
  }
  lines.push(`Note grade: ${grade}`);
  for (const hint of hints) lines.push(`  - ${hint.message} [${hint.code}]`);
  return `${lines.join("\n")}\n`;
}
