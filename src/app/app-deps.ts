import type { Database } from "../db/client.ts";
import type { Language } from "../domain/i18n/languages.ts";
import type { PlaybookIndex } from "../domain/playbook/playbook-index.ts";
import type { ReplicaReads } from "./replica/replica-reads.ts";

/** The playbook a running instance judges changes by. */
export interface ActivePlaybook {
  index: PlaybookIndex;
  /** Where it was loaded from, and the hash of the file, recorded with history rows. */
  path: string;
  sha256: string;
}

/** Everything a use-case needs from the outside world, passed in (tests swap any of it). */
export interface AppDeps {
  database: Database;
  playbook: ActivePlaybook;
  /** The clock: use-cases read time only through this. */
  now: () => Date;
  /** A streaming replica for reports and exports (DATABASE_REPLICA_URL); absent: all reads on `database`. */
  replica?: ReplicaReads;
}

/** Who is acting: the user record decides the role the scenario rules check. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: string;
  /**
   * The language answers are written in: the person's choice, else what the
   * request asked for (Accept-Language); absent means English (docs/I18N.md).
   */
  language?: Language | null;
}

/** Today's date as YYYY-MM-DD in UTC, the calendar the playbook's dates are kept in. */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}
