import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { saidError, saidViolation } from "../../domain/app-error.ts";
import type { Language } from "../../domain/i18n/languages.ts";
import { errorText, playbookProblemText } from "../../domain/i18n/server-texts.ts";
import { formatPlaybookPath } from "../../domain/playbook/check-playbook.ts";
import { indexPlaybook, type PlaybookIndex } from "../../domain/playbook/playbook-index.ts";
import type { Playbook } from "../../domain/playbook/playbook-schema.ts";
import { type PlaybookFileCheck, readPlaybookFile } from "./read-playbook-file.ts";

/** The playbook shipped with the repository, used when nothing else is configured. */
export const defaultPlaybookPath = fileURLToPath(new URL("../../../playbooks/default.yaml", import.meta.url));

export interface LoadedPlaybook {
  playbook: Playbook;
  index: PlaybookIndex;
  /** Absolute path the playbook was read from. */
  path: string;
  /** SHA-256 (hex) of the file bytes: records exactly which playbook judged a change. */
  sha256: string;
  /** The file as read: kept with the version recorded for it (docs/PLAYBOOK-VERSIONS.md). */
  text: string;
}

const cache = new Map<string, LoadedPlaybook>();

/** Which file `loadPlaybook` reads: the argument, else UNBLOCK_PLAYBOOK, else the default. */
export function resolvePlaybookPath(path?: string): string {
  const chosen = path ?? process.env.UNBLOCK_PLAYBOOK;
  return chosen ? resolve(chosen) : defaultPlaybookPath;
}

/**
 * Loads, checks and indexes a playbook, once per path per process: the
 * playbook is configuration, read at start-up, not per request. An invalid
 * playbook refuses to load, with every problem as a violation.
 */
export function loadPlaybook(path?: string): LoadedPlaybook {
  const resolved = resolvePlaybookPath(path);
  const cached = cache.get(resolved);
  if (cached) return cached;

  const loaded = checkedPlaybook(readPlaybookFile(resolved), resolved);
  cache.set(resolved, loaded);
  return loaded;
}

/**
 * The playbook of a checked file (or upload, `label` naming it), or
 * playbook_invalid with every problem as a violation.
 */
export function checkedPlaybook(check: PlaybookFileCheck, label: string): LoadedPlaybook {
  const { playbook, problems, bytes } = check;
  if (!playbook || problems.length > 0) {
    // Each problem and where it is, said in the asker's language (the file's names and ids stay).
    const placed = problems.map((problem) => ({
      field: formatPlaybookPath(problem.path),
      code: problem.code,
      at: {
        message: (language: Language) =>
          playbookProblemText.say(language, problem.said.key, problem.said.values),
        line: String(problem.line),
        column: String(problem.column),
      },
    }));
    const violations = placed.map(({ field, code, at }) =>
      saidViolation(field, code, "playbook_problem_at", at),
    );
    const first = placed[0];
    const options = { violations, detail: { path: label } };
    throw first
      ? saidError(
          "playbook_invalid",
          "playbook_invalid_first",
          {
            label,
            count: violations.length,
            field: first.field,
            message: (language) =>
              errorText.say(language, "playbook_problem_at", {
                ...first.at,
                message: first.at.message(language),
              }),
          },
          options,
        )
      : saidError("playbook_invalid", "playbook_invalid_summary", { label, count: 0 }, options);
  }
  return {
    playbook,
    index: indexPlaybook(playbook),
    path: label,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    text: bytes.toString("utf8"),
  };
}

/** Forgets loaded playbooks (tests, or a reload after the file changed). */
export function clearPlaybookCache(): void {
  cache.clear();
}
