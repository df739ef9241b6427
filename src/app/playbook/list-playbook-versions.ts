import { listPlaybookVersionRecords } from "../../db/repositories/playbook-version-repository.ts";
import type { PlaybookVersionView } from "../../http/schemas/playbook-versions.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireActor } from "../auth/authorize-actor.ts";
import { versionView } from "./version-view.ts";

/**
 * The playbook versions this database ran on, oldest first: the playbook
 * page's refresh summary shows one entry per version (docs/PLAYBOOK-VERSIONS.md).
 * Anyone signed in reads the playbook, so anyone reads its versions.
 */
export async function listPlaybookVersions(deps: AppDeps, actor: Actor): Promise<PlaybookVersionView[]> {
  requireActor(deps, actor);
  return (await listPlaybookVersionRecords(deps.database.db)).map(versionView);
}
