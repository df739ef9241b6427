import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AppError } from "../../domain/app-error.ts";
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
    const violations = problems.map((problem) => ({
      field: formatPlaybookPath(problem.path),
      code: problem.code,
      message: `${problem.message} (line ${problem.line}, column ${problem.column})`,
    }));
    const first = violations[0];
    const summary = first ? `; first: ${first.field} ${first.message}` : "";
    throw new AppError(
      "playbook_invalid",
      `Playbook ${label} is invalid: ${violations.length} problem(s)${summary}`,
      { violations, detail: { path: label } },
    );
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
