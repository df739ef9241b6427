import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { PlaybookFileList } from "../../http/schemas/playbook-versions.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireActor, requireAllowed } from "../auth/authorize-actor.ts";
import { playbookDirectory, playbookFileNames } from "./playbook-candidate.ts";

/**
 * The playbook files an Admin may choose from on the playbook versions page:
 * those in the folder of the playbook in use, with the id and version each
 * declares ("?" when it does not read), translations left out. Admins only.
 */
export function listPlaybookFiles(deps: AppDeps, actor: Actor): PlaybookFileList {
  requireAllowed(deps, requireActor(deps, actor), { type: "playbook.edit" });
  const directory = playbookDirectory(deps);
  const items = playbookFileNames(deps).flatMap((name) => {
    const path = join(directory, name);
    let head: { id?: unknown; version?: unknown; language?: unknown } = {};
    try {
      head = (parse(readFileSync(path, "utf8")) ?? {}) as typeof head;
    } catch {
      // listed all the same: choosing it shows its problems
    }
    // A translation's side file (default.de.yaml: a language, no id) is not a playbook to apply.
    if (typeof head.language === "string" && head.id === undefined) return [];
    return [
      {
        name,
        id: typeof head.id === "string" ? head.id : "?",
        version: typeof head.version === "string" ? head.version : "?",
        inUse: path === deps.playbook.path,
      },
    ];
  });
  return { directory, items };
}
