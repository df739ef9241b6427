import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { saidError, saidViolation } from "../../domain/app-error.ts";
import type { AppDeps } from "../app-deps.ts";
import { checkedPlaybook, type LoadedPlaybook } from "./load-playbook.ts";
import { checkPlaybookBytes, readPlaybookFile } from "./read-playbook-file.ts";

/**
 * A playbook file to compare or apply: a path (the CLI, an operator), one of
 * the files beside the playbook in use by name (the Admin page), or the
 * text of an uploaded file.
 */
export type PlaybookCandidate =
  | { path: string }
  | { file: string }
  | { content: string; name?: string | undefined };

const fileName = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(ya?ml|json)$/;

/** Where the Admin page chooses files from: the folder of the playbook in use. */
export function playbookDirectory(deps: AppDeps): string {
  return dirname(deps.playbook.path);
}

/** The playbook files of that folder, by name (not read). */
export function playbookFileNames(deps: AppDeps): string[] {
  try {
    return readdirSync(playbookDirectory(deps))
      .filter((name) => fileName.test(name))
      .sort();
  } catch {
    return [];
  }
}

/** Reads and checks the candidate: playbook_invalid with every problem, or validation_failed on a bad name. */
export function readCandidate(deps: AppDeps, candidate: PlaybookCandidate): LoadedPlaybook {
  if ("content" in candidate) {
    const name = candidate.name?.replace(/[^A-Za-z0-9._-]/g, "_") || "playbook.yaml";
    return checkedPlaybook(checkPlaybookBytes(Buffer.from(candidate.content, "utf8")), `upload:${name}`);
  }
  if ("file" in candidate) {
    if (!fileName.test(candidate.file) || !playbookFileNames(deps).includes(candidate.file)) {
      throw saidError(
        "validation_failed",
        "playbook_file_unknown",
        { file: candidate.file },
        {
          violations: [
            saidViolation("file", "unknown_file", "playbook_file_choose", {
              folder: playbookDirectory(deps),
            }),
          ],
        },
      );
    }
    const path = join(playbookDirectory(deps), candidate.file);
    return checkedPlaybook(readPlaybookFile(path), path);
  }
  const path = resolve(candidate.path);
  return checkedPlaybook(readPlaybookFile(path), path);
}
