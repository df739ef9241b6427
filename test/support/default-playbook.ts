import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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

/**
 * Writes into `folder` a copy of the default playbook, version 1.1.0, that
 * renames the L2 service_reliability to service_health and declares it in
 * `changes:` (docs/PLAYBOOK-VERSIONS.md). Returns the file's path.
 */
export function writeServiceHealthRename(folder: string, fileName = "renamed.yaml"): string {
  const path = join(folder, fileName);
  const renamed = readFileSync(defaultPlaybookPath, "utf8")
    .replace(/^version: .*$/m, "version: 1.1.0")
    .replaceAll("service_reliability", "service_health")
    .replaceAll("Service Reliability", "Service Health");
  writeFileSync(
    path,
    `${renamed}
changes:
  - kind: rename
    version: 1.1.0
    from: blocked/service_reliability
    to: blocked/service_health
`,
  );
  return path;
}
