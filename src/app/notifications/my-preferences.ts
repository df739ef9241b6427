import {
  type PreferenceChange,
  readPreferences,
  type StoredPreferences,
  savePreferences,
} from "../../db/repositories/preference-repository.ts";
import { saidError, saidViolation } from "../../domain/app-error.ts";
import { canonicalTimeZone, defaultTimeZone } from "../../domain/notifications/digest-schedule.ts";
import type { Preferences, PreferencesChange } from "../../http/schemas/preferences.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireActor } from "../auth/authorize-actor.ts";
import { forgetCredentials } from "../auth/credential-cache.ts";

/** The acting person's own mail preferences; nobody reads another's. */
export async function getMyPreferences(deps: AppDeps, actor: Actor): Promise<Preferences> {
  const { id } = requireActor(deps, actor);
  return preferencesView(await readPreferences(deps.database.db, id));
}

/**
 * Changes the acting person's own preferences: the fields given, the others
 * kept. A time zone must be an IANA name the runtime knows (422 naming
 * `timeZone` otherwise) and is stored in its canonical spelling.
 */
export async function updateMyPreferences(
  deps: AppDeps,
  actor: Actor,
  input: PreferencesChange,
): Promise<Preferences> {
  const { id } = requireActor(deps, actor);
  const change: PreferenceChange = {};
  if (input.timeZone !== undefined) {
    const zone = canonicalTimeZone(input.timeZone);
    if (!zone) {
      throw saidError(
        "validation_failed",
        "time_zone_unknown",
        { zone: input.timeZone },
        { violations: [saidViolation("timeZone", "time_zone_unknown", "time_zone_unknown_field")] },
      );
    }
    change.timeZone = zone;
  }
  if (input.digest !== undefined) change.digest = input.digest;
  if (input.noticeMail !== undefined) change.noticeMail = input.noticeMail;
  if (input.language !== undefined) change.language = input.language;
  const saved = preferencesView(await savePreferences(deps.database.db, id, change, deps.now()));
  // Signed-in requests remember who is asking for a few seconds; the new language applies at once.
  if (input.language !== undefined) await forgetCredentials(deps);
  return saved;
}

/** Preferences as the API shows them: the zone in use, and whether it was chosen. */
export function preferencesView(stored: StoredPreferences): Preferences {
  return {
    timeZone: stored.timeZone ?? defaultTimeZone,
    timeZoneChosen: stored.timeZone !== null,
    digest: stored.digest,
    noticeMail: stored.noticeMail,
    language: stored.language,
  };
}
