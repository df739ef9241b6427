import type { PlaybookVersionRecord } from "../../db/repositories/playbook-version-repository.ts";
import type { CountedChange, PlaybookVersionView } from "../../http/schemas/playbook-versions.ts";

/** A recorded version as the API shows it. */
export function versionView(record: PlaybookVersionRecord): PlaybookVersionView {
  return {
    id: record.id,
    playbookId: record.playbookId,
    version: record.version,
    sha256: record.sha256,
    effectiveAt: record.effectiveAt,
    appliedBy: { id: record.appliedBy, email: record.appliedByEmail },
    source: record.source,
    path: record.path,
    changes: Array.isArray(record.changes) ? (record.changes as CountedChange[]) : [],
    remappedStatuses: record.remappedStatuses,
  };
}
