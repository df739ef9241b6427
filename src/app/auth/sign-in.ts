import {
  clearFailedSignIns,
  findUserWithAccount,
  recordFailedSignIn,
} from "../../db/repositories/account-repository.ts";
import {
  deleteSession,
  deleteStaleSessions,
  findSession,
  insertSession,
  touchSession,
} from "../../db/repositories/session-repository.ts";
import type { UserRecord } from "../../db/repositories/user-repository.ts";
import { chosenLanguage } from "../../domain/i18n/languages.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { forgetCredentials, recalledCredential, rememberCredential } from "./credential-cache.ts";
import { decoyHash, maxPasswordLength, verifyPassword } from "./password-hash.ts";
import { newSecret, sha256 } from "./secret-token.ts";

/** Sign-in limits; the HTTP layer adds a per-address rate limit on top. */
export const signInLimits = {
  /** Consecutive failures that lock an account ... */
  failuresBeforeLock: 5,
  /** ... for this long. */
  lockMinutes: 15,
  /** A session ends after this long without a request ... */
  idleHours: 12,
  /** ... and after this long whatever the activity. */
  maxDays: 7,
};

export interface NewSession {
  /** The cookie value: shown to the browser only, stored hashed. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export type SignInResult =
  | { ok: true; user: UserRecord; session: NewSession }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date };

/**
 * Checks an email and password and opens a session. Every failure reads the
 * same ("invalid") whether the email exists or not, and takes as long, so
 * sign-in cannot be used to list accounts. Five failures in a row lock the
 * account for 15 minutes, even for the right password.
 */
export async function signIn(
  deps: AppDeps,
  input: { email: string; password: string },
): Promise<SignInResult> {
  const db = deps.database.db;
  const now = deps.now();
  const found = await findUserWithAccount(db, { email: input.email });
  const hash = found?.account.passwordHash;
  const usable = found && hash && !found.account.disabledAt && input.password.length <= maxPasswordLength;
  if (!found || !usable) {
    await verifyPassword(input.password.slice(0, maxPasswordLength), await decoyHash());
    return { ok: false, reason: "invalid" };
  }
  const { lockedUntil } = found.account;
  if (lockedUntil && lockedUntil > now) return { ok: false, reason: "locked", until: lockedUntil };

  if (!(await verifyPassword(input.password, hash))) {
    const after = await recordFailedSignIn(db, found.user.id, {
      now,
      limit: signInLimits.failuresBeforeLock,
      lockMinutes: signInLimits.lockMinutes,
    });
    if (after.lockedUntil && after.lockedUntil > now)
      return { ok: false, reason: "locked", until: after.lockedUntil };
    return { ok: false, reason: "invalid" };
  }
  await clearFailedSignIns(db, found.user.id);
  return { ok: true, user: found.user, session: await openSession(deps, found.user.id) };
}

/** Opens a session for a user (after sign-in); also sweeps sessions that have ended. */
export async function openSession(deps: AppDeps, userId: string): Promise<NewSession> {
  const db = deps.database.db;
  const now = deps.now();
  await deleteStaleSessions(db, { now, idleBefore: idleLimit(now) });
  const token = newSecret();
  const session = {
    token,
    csrfToken: newSecret(24),
    expiresAt: new Date(now.getTime() + signInLimits.maxDays * 86_400_000),
  };
  await insertSession(db, {
    tokenHash: sha256(token),
    userId,
    csrfToken: session.csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: session.expiresAt,
  });
  return session;
}

function idleLimit(now: Date): Date {
  return new Date(now.getTime() - signInLimits.idleHours * 3_600_000);
}

/** How often a session's last-seen time is written: not on every request. */
const touchEveryMs = 60_000;

/** The actor behind a session cookie, or null when the session is unknown, ended, or its user disabled. */
export async function resolveSession(
  deps: AppDeps,
  token: string,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  if (!token || token.length > 200) return null;
  const db = deps.database.db;
  const now = deps.now();
  const tokenHash = sha256(token);
  const key = `session:${tokenHash}`;
  const recalled = recalledCredential<{ actor: Actor; csrfToken: string; expiresAt: Date }>(deps, key);
  // Idle expiry needs hours without a request; the lifetime of a remembered session is seconds.
  if (recalled && recalled.expiresAt > now) return { actor: recalled.actor, csrfToken: recalled.csrfToken };
  const found = await findSession(db, tokenHash);
  if (!found) return null;
  const { session } = found;
  if (session.expiresAt <= now || session.lastSeenAt < idleLimit(now)) {
    await deleteSession(db, tokenHash);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > touchEveryMs) await touchSession(db, tokenHash, now);
  const actor: Actor = { ...found.user, language: chosenLanguage(found.language) };
  rememberCredential(deps, key, { actor, csrfToken: session.csrfToken, expiresAt: session.expiresAt });
  return { actor, csrfToken: session.csrfToken };
}

/** Ends the session of this cookie token (sign-out). */
export async function signOut(deps: AppDeps, token: string): Promise<void> {
  if (token) await deleteSession(deps.database.db, sha256(token));
  await forgetCredentials(deps);
}
