import type { Database } from "../../db/client.ts";
import { onePer } from "../../one-per.ts";
import type { AppDeps } from "../app-deps.ts";

/**
 * How long a resolved API token or session is believed without asking the
 * database again. Every API request starts by resolving its credential; under
 * load the same few credentials arrive hundreds of times a second, and this
 * saves a round trip on almost all of them.
 *
 * The cost is staleness: a revoked token, a signed-out session, a disabled or
 * re-roled user take effect at once in this process (those use-cases call
 * forgetCredentials), and in the other server processes on the same
 * PostgreSQL server (several behind a load balancer) as soon as its
 * notification reaches them (listenForCredentialChanges), within this
 * lifetime at the latest if it never does. UNBLOCK_CREDENTIAL_CACHE_MS sets
 * another lifetime (a test lengthens it to tell the notification apart from
 * the expiry on a slow machine).
 */
export const credentialLifetimeMs = Number(process.env.UNBLOCK_CREDENTIAL_CACHE_MS) || 2000;

/** Entries kept at most; past that the cache starts again empty (many distinct credentials: little to gain). */
const maxEntries = 10_000;

interface Remembered {
  value: unknown;
  /** performance.now() until which the entry is believed. */
  until: number;
  /** The app clock when it was remembered: a clock moved on (tests, a settable clock) ends it too. */
  at: number;
}

/** One cache per database, so test databases and instances never share credentials. */
const cacheFor = onePer((_database: Database) => new Map<string, Remembered>());

function cacheOf(deps: AppDeps): Map<string, Remembered> {
  return cacheFor(deps.database);
}

/** What was remembered for this key within the lifetime, else undefined. */
export function recalledCredential<T>(deps: AppDeps, key: string): T | undefined {
  const cache = cacheOf(deps);
  const entry = cache.get(key);
  if (!entry) return undefined;
  const age = deps.now().getTime() - entry.at;
  if (entry.until <= performance.now() || age < 0 || age >= credentialLifetimeMs) {
    cache.delete(key);
    return undefined;
  }
  return entry.value as T;
}

export function rememberCredential(deps: AppDeps, key: string, value: unknown): void {
  const cache = cacheOf(deps);
  if (cache.size >= maxEntries) cache.clear();
  cache.set(key, { value, until: performance.now() + credentialLifetimeMs, at: deps.now().getTime() });
}

/** The channel on which servers tell each other to forget what they remember. */
const credentialsChannel = "unblock_credentials";

/**
 * Forgets every remembered credential of this database, and tells the other
 * server processes on it to do the same. Called after a change that can end
 * or narrow one (revoking a token, signing out, changing or disabling a user)
 * has committed, so this process never acts on the old state, and the others
 * stop within moments.
 */
export async function forgetCredentials(deps: AppDeps): Promise<void> {
  cacheOf(deps).clear();
  // The change has committed; if the others cannot be told, the lifetime still bounds their wait.
  await deps.database.notify(credentialsChannel).catch(() => undefined);
}

const listening = onePer(
  (database: Database): Promise<void> =>
    database.listen(credentialsChannel, () => cacheFor(database).clear()),
);

/** Makes this process forget its remembered credentials whenever another one tells it to (once per database). */
export function listenForCredentialChanges(deps: AppDeps): Promise<void> {
  return listening(deps.database);
}
