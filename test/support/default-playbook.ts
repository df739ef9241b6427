import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { indexPlaybook, type PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import { type Playbook, playbookSchema } from "../../src/domain/playbook/playbook-schema.ts";

export const defaultPlaybookPath = fileURLToPath(new URL("../../playbooks/default.yaml", import.meta.url));

let cached: Playbook | undefined;

/** The repository's default playbook, parsed once per test worker. */
export function defaultPlaybook(): Playbook {
  cached ??= playbookSchema.parse(parse(readFileSync(defaultPlaybookPath, "utf8")));
  return cached;
}

export function defaultIndex(): PlaybookIndex {
  return indexPlaybook(defaultPlaybook());
}
