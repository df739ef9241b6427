import type { Db } from "../../db/client.ts";
import {
  insertPlaybookVersion,
  latestPlaybookVersion,
  lockPlaybookVersions,
  type PlaybookVersionRecord,
} from "../../db/repositories/playbook-version-repository.ts";
import { AppError } from "../../domain/app-error.ts";
import { describeOrphan, planConcerns, planRemap, type RemapPlan } from "../../domain/playbook/remap-plan.ts";
import { changesBetween, compareVersions, taxonomyPath } from "../../domain/playbook/taxonomy-remap.ts";
import type { AppDeps } from "../app-deps.ts";
import { currentTaxonomyMap } from "./current-taxonomy-map.ts";
import type { LoadedPlaybook } from "./load-playbook.ts";
import { storedGroups } from "./playbook-change-report.ts";
import { type PlaybookInUse, playbookInUse } from "./playbook-in-use.ts";

/**
 * Run at start, after the migrations: the playbook a server starts on must fit
 * what is stored (docs/PLAYBOOK-VERSIONS.md). A file already recorded starts
 * at once. Another one is refused when it would leave stored L1/L2/L3 values
 * without a definition (naming them and the command that fixes it), or when
 * it declares changes that would move stored statuses but were not applied;
 * otherwise it is recorded as the version in use. Servers starting together
 * decide one after the other (a lock), so the file is recorded once.
 */
export async function recordPlaybookAtStart(
  deps: AppDeps,
  loaded: LoadedPlaybook,
): Promise<PlaybookVersionRecord | null> {
  const recorded = await checkAndRecord(deps, loaded);
  // Reports as of a past day read history through it without waiting on the database.
  await currentTaxonomyMap(deps);
  return recorded;
}

async function checkAndRecord(deps: AppDeps, loaded: LoadedPlaybook): Promise<PlaybookVersionRecord | null> {
  const latest = await latestPlaybookVersion(deps.database.db);
  if (latest?.sha256 === loaded.sha256) return null;
  return deps.database.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    await lockPlaybookVersions(tx);
    const inUse = await playbookInUse(tx);
    if (inUse.recorded?.sha256 === loaded.sha256) return null;
    const { playbook } = loaded;
    const pending = changesBetween(playbook.changes ?? [], inUse.fromVersion, playbook.version);
    const plan = planRemap(
      loaded.index,
      pending,
      await storedGroups(tx, planConcerns(loaded.index, pending)),
    );
    if (plan.orphans.length > 0) throw unmappedValues(loaded, plan, inUse);
    if (plan.moves.length > 0) throw changesNotApplied(loaded, plan);
    return insertPlaybookVersion(tx, {
      playbookId: playbook.id,
      version: playbook.version,
      sha256: loaded.sha256,
      effectiveAt: deps.now(),
      appliedBy: null,
      appliedByEmail: "system",
      source: "start",
      path: loaded.path,
      changes: pending.map((change) => ({ change, statuses: 0, seats: 0, workItems: 0 })),
      remappedStatuses: 0,
      content: loaded.text,
    });
  });
}

const applyCommands = (path: string) =>
  `\`unblock playbook apply ${path} --dry-run\` to see what it moves, then \`unblock playbook apply ${path}\``;

function unmappedValues(loaded: LoadedPlaybook, plan: RemapPlan, inUse: PlaybookInUse): AppError {
  const { playbook, path } = loaded;
  const names = plan.orphans
    .map((orphan) => `${orphan.path} (${orphan.statuses} status${orphan.statuses === 1 ? "" : "es"})`)
    .join(", ");
  const newer =
    inUse.recorded && compareVersions(inUse.recorded.version, playbook.version) > 0
      ? ` The database follows ${inUse.recorded.playbookId} ${inUse.recorded.version}, applied by ${inUse.recorded.appliedByEmail} from ${inUse.recorded.path}: start on that file instead.`
      : "";
  return new AppError(
    "playbook_invalid",
    `Playbook ${path} (${playbook.id} ${playbook.version}) would leave stored values without a mapping: ${names}.` +
      ` Declare where each goes in the playbook's changes: section (rename, merge, split or retire; docs/PLAYBOOK-VERSIONS.md), then run ${applyCommands(path)}.${newer}`,
    {
      violations: plan.orphans.map((orphan) => ({
        field: orphan.path,
        code: "unmapped_value",
        message: describeOrphan(orphan),
      })),
      detail: { path, orphans: plan.orphans },
    },
  );
}

function changesNotApplied(loaded: LoadedPlaybook, plan: RemapPlan): AppError {
  const { playbook, path } = loaded;
  const statuses = plan.moves.reduce((sum, move) => sum + move.statuses, 0);
  const moves = [
    ...new Set(plan.moves.map((move) => `${taxonomyPath(move.value)} -> ${taxonomyPath(move.to)}`)),
  ];
  return new AppError(
    "playbook_invalid",
    `Playbook ${path} (${playbook.id} ${playbook.version}) declares changes not applied to the stored statuses yet` +
      ` (${statuses} statuses: ${moves.slice(0, 5).join(", ")}${moves.length > 5 ? ", ..." : ""}). Run ${applyCommands(path)}.`,
    { detail: { path, moves: moves.length } },
  );
}
