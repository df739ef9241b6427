import { saveNoteChecks, unjudgedEntitlements } from "../../db/repositories/note-check-repository.ts";
import type { QualityScope } from "../../db/repositories/quality-repository.ts";
import type { PlaybookIndex } from "../../domain/playbook/playbook-index.ts";
import { judgeNotes, noteJudgeVersion } from "../../domain/quality/judge-notes.ts";
import { qualityRulesOf } from "../../domain/quality/quality-rules.ts";
import { defaultSuggester, defaultSuggestModel } from "../../domain/suggest/default-model.ts";
import { onePer } from "../../one-per.ts";
import type { AppDeps } from "../app-deps.ts";

// One suggester per loaded playbook: building it decodes the model's weights once (about 40 ms).
const suggesterOf = onePer((index: PlaybookIndex) => defaultSuggester(index));

/**
 * The longest judging holds the server's one thread before requests get a
 * turn. The background job's batch of 2,000 entitlements held it for 0.6 to
 * 4 seconds on a 2-core machine, and a request arriving meanwhile waited that
 * long (a freshly seeded portfolio is all backlog).
 */
const judgeSliceMs = 5;

/**
 * What a kept judgment was made with: the judging code's version, the
 * model's training digest and the playbook's hash (its thresholds). A
 * judgment of another basis is judged again.
 */
export function noteJudgeBasis(deps: AppDeps): string {
  return `${noteJudgeVersion}:${defaultSuggestModel.trainedOn.corpusDigest}:${deps.playbook.sha256}`;
}

/**
 * Judges the notes of up to `budget` entitlements in scope that have no
 * judgment for their current version and keeps the judgments. A read asks
 * for the latest changed first and learns how many are left (`pending`);
 * the background job takes any, and learns only whether it took a full
 * batch (`pending` null). Runs as the system: the callers (the queue's
 * use-cases, the job) decided the scope.
 */
export async function judgeUnjudgedNotes(
  deps: AppDeps,
  scope: QualityScope,
  budget: number,
  options: { latestFirst: boolean } = { latestFirst: true },
): Promise<{ judged: number; pending: number | null }> {
  const rules = qualityRulesOf(deps.playbook.index.playbook);
  if (!rules.noteGrade.enabled && !rules.suggestDisagrees.enabled) return { judged: 0, pending: 0 };
  const basis = noteJudgeBasis(deps);
  const db = deps.database.db;
  const found = await unjudgedEntitlements(db, scope, { basis, limit: budget, ...options });
  const suggester = suggesterOf(deps.playbook.index);
  const checks = [];
  let since = performance.now();
  for (const row of found.rows) {
    if (performance.now() - since > judgeSliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
    checks.push({
      entitlementId: row.id,
      version: row.version,
      findings: judgeNotes(rules, row.segments, row.serviceId, suggester),
    });
  }
  await saveNoteChecks(db, checks, basis, deps.now());
  return { judged: checks.length, pending: found.count === null ? null : found.count - checks.length };
}
