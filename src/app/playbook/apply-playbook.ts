import type { Db } from "../../db/client.ts";
import { type AppError, saidError, saidViolation } from "../../domain/app-error.ts";
import type { Language } from "../../domain/i18n/languages.ts";
import { formatNumber } from "../../domain/i18n/rule-text.ts";
import { errorText } from "../../domain/i18n/server-texts.ts";
import type { OrphanedValue } from "../../domain/playbook/remap-plan.ts";
import { compareVersions } from "../../domain/playbook/taxonomy-remap.ts";
import type { PlaybookApplyResult, PlaybookChangeReport } from "../../http/schemas/playbook-versions.ts";
import type { AppDeps } from "../app-deps.ts";
import { recordAudit, type WriteContext } from "../audit/record-audit.ts";
import { requireActor, requireAllowed } from "../auth/authorize-actor.ts";
import { currentTaxonomyMap } from "./current-taxonomy-map.ts";
import type { LoadedPlaybook } from "./load-playbook.ts";
import { underPlaybookApplyLock } from "./playbook-apply-lock.ts";
import { type PlaybookCandidate, readCandidate } from "./playbook-candidate.ts";
import { playbookChangeReport } from "./playbook-change-report.ts";
import { type PlaybookInUse, playbookInUse } from "./playbook-in-use.ts";
import { type RemapHooks, remapStatusesInBatches } from "./remap-statuses-in-batches.ts";
import { type Remapped, recordAppliedVersion, remapWorkItems } from "./remap-stored-values.ts";
import { syncServices } from "./sync-services.ts";
import { versionView } from "./version-view.ts";

export interface ApplyPlaybookInput {
  candidate: PlaybookCandidate;
  /** Work it out and answer, changing nothing. */
  dryRun?: boolean | undefined;
  /** Apply only while this version (from a preview) is still the one in use; undefined: no check. */
  baseVersionId?: number | null | undefined;
  /** Tests: runs between reading a batch of statuses and writing it. */
  hooks?: RemapHooks;
}

/**
 * Makes a new playbook file the one in use (docs/PLAYBOOK-VERSIONS.md): moves
 * the stored statuses its `changes:` map in batches that commit one by one
 * (each remapped status gets a history row with source `remap`), then in one
 * transaction moves the work items, records the version and leaves one audit
 * entry. Until that last step the version in use is the old one, so an apply
 * stopped half-way is finished by applying the file again. Refused, changing
 * nothing, when stored values would be left without a mapping, when the file
 * is older than the one in use, or when the version in use is no longer the
 * preview's. Statuses edited meanwhile are remapped with the edit
 * (compare-and-set). A dry run answers the same report and writes nothing.
 * Admins only. The running process (a server applying from its Admin page)
 * judges by the new playbook from then on.
 */
export async function applyPlaybook(
  deps: AppDeps,
  context: WriteContext,
  input: ApplyPlaybookInput,
): Promise<PlaybookApplyResult> {
  requireAllowed(deps, requireActor(deps, context.actor), { type: "playbook.edit" });
  const candidate = readCandidate(deps, input.candidate);
  const result = await underPlaybookApplyLock(deps, async (session) => {
    const inUse = await playbookInUse(session);
    checkBase(inUse, input.baseVersionId);
    const base = { baseVersionId: inUse.recorded?.id ?? null, dryRun: input.dryRun === true };
    if (inUse.recorded?.sha256 === candidate.sha256) {
      return {
        ...(await reportAgainst(session, deps, inUse, candidate)),
        ...base,
        ...notApplied,
        alreadyInUse: true,
      };
    }
    if (inUse.recorded && compareVersions(candidate.playbook.version, inUse.recorded.version) < 0) {
      throw olderThanInUse(candidate, inUse);
    }
    const { report, plan } = await playbookChangeReport(session, compared(deps, inUse, candidate));
    if (report.orphans.length > 0) throw unmapped(candidate, report);
    if (input.dryRun) return { ...report, ...base, ...notApplied };
    const statuses = await remapStatusesInBatches(deps, context, {
      plan,
      playbookVersion: candidate.playbook.version,
      hooks: input.hooks,
    });
    const version = await session.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      const remapped: Remapped = { ...statuses, workItems: await remapWorkItems(tx, deps, plan) };
      return recordApplied(tx, deps, context, { inUse, candidate, report, remapped });
    });
    return {
      ...report,
      ...base,
      alreadyInUse: false,
      applied: true,
      conflictsRetried: statuses.conflictsRetried,
      version: versionView(version),
    };
  });
  if (result.applied) await switchThisProcess(deps, candidate);
  return result;
}

/** The version row and the audit entry of an apply. */
async function recordApplied(
  tx: Db,
  deps: AppDeps,
  context: WriteContext,
  applied: {
    inUse: PlaybookInUse;
    candidate: LoadedPlaybook;
    report: PlaybookChangeReport;
    remapped: Remapped;
  },
) {
  const { inUse, candidate, report, remapped } = applied;
  const version = await recordAppliedVersion(tx, deps, context, { candidate, report, remapped });
  await recordAudit(tx, deps, context, {
    action: "playbook.apply",
    targetType: "playbook",
    targetId: candidate.playbook.id,
    before: inUse.recorded
      ? { version: inUse.recorded.version, sha256: inUse.recorded.sha256, path: inUse.recorded.path }
      : null,
    after: {
      version: candidate.playbook.version,
      sha256: candidate.sha256,
      path: candidate.path,
      changes: report.changes,
      remappedStatuses: remapped.statuses,
      remappedWorkItems: remapped.workItems,
    },
  });
  return version;
}

const notApplied = { alreadyInUse: false, applied: false, conflictsRetried: 0, version: null };

function compared(deps: AppDeps, inUse: PlaybookInUse, candidate: LoadedPlaybook) {
  const from = inUse.playbook
    ? { playbook: inUse.playbook, sha256: inUse.recorded?.sha256 ?? null, path: inUse.recorded?.path ?? null }
    : { playbook: deps.playbook.index.playbook, sha256: deps.playbook.sha256, path: deps.playbook.path };
  return { from, fromVersion: inUse.fromVersion, to: candidate };
}

async function reportAgainst(
  tx: Db,
  deps: AppDeps,
  inUse: PlaybookInUse,
  candidate: LoadedPlaybook,
): Promise<PlaybookChangeReport> {
  return (await playbookChangeReport(tx, compared(deps, inUse, candidate))).report;
}

function checkBase(inUse: PlaybookInUse, baseVersionId: number | null | undefined): void {
  if (baseVersionId === undefined || baseVersionId === (inUse.recorded?.id ?? null)) return;
  const now = inUse.recorded;
  const detail = { detail: { baseVersionId: now?.id ?? null } };
  throw now
    ? saidError(
        "conflict",
        "playbook_changed_since_preview_by",
        { playbook: now.playbookId, version: now.version, email: now.appliedByEmail },
        detail,
      )
    : saidError("conflict", "playbook_changed_since_preview", {}, detail);
}

function olderThanInUse(candidate: LoadedPlaybook, inUse: PlaybookInUse): AppError {
  const current = inUse.recorded!;
  return saidError(
    "validation_failed",
    "playbook_older",
    { path: candidate.path, version: candidate.playbook.version, current: current.version },
    {
      violations: [
        saidViolation("version", "version_older", "playbook_version_at_least", { version: current.version }),
      ],
    },
  );
}

function unmapped(candidate: LoadedPlaybook, report: PlaybookChangeReport): AppError {
  return saidError(
    "validation_failed",
    "playbook_unmapped",
    { path: candidate.path, paths: report.orphans.map((o) => o.path).join(", ") },
    {
      violations: report.orphans.map(orphanViolation),
    },
  );
}

/** "l1/l2: 3 statuses (40 seats), 1 work item", in the asker's language. */
function orphanViolation(orphan: OrphanedValue) {
  const more = (language: Language) =>
    (orphan.workItems > 0
      ? errorText.sayCount(language, "playbook_orphan_work_items", orphan.workItems)
      : "") +
    (orphan.movedTo ? errorText.say(language, "playbook_orphan_moved", { to: orphan.movedTo }) : "");
  return saidViolation(
    orphan.path,
    "unmapped_value",
    orphan.statuses === 1 ? "playbook_orphan_one" : "playbook_orphan_other",
    {
      path: orphan.path,
      count: (language: Language) => formatNumber(language, orphan.statuses),
      seats: (language: Language) => formatNumber(language, orphan.seats),
      more,
    },
  );
}

/** The process that applied the file judges by it from now on; other servers on their next start. */
async function switchThisProcess(deps: AppDeps, candidate: LoadedPlaybook): Promise<void> {
  // A new object: the one replaced may be the start-up file's cached load, which must stay as read.
  deps.playbook = { index: candidate.index, path: candidate.path, sha256: candidate.sha256 };
  await syncServices(deps);
  await currentTaxonomyMap(deps);
}
