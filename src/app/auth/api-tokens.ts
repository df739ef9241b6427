import { findUserWithAccount } from "../../db/repositories/account-repository.ts";
import {
  findToken,
  findTokenById,
  insertToken,
  revokeToken,
  type TokenRecord,
  tokensOf,
  touchToken,
} from "../../db/repositories/token-repository.ts";
import { saidError } from "../../domain/app-error.ts";
import { chosenLanguage } from "../../domain/i18n/languages.ts";
import type { TokenView } from "../../http/schemas/users.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { recordAudit, type WriteContext } from "../audit/record-audit.ts";
import { decide, refusalError, requireActor } from "./authorize-actor.ts";
import { forgetCredentials, recalledCredential, rememberCredential } from "./credential-cache.ts";
import { apiTokenPrefix, newSecret, sha256 } from "./secret-token.ts";

function viewOf(token: TokenRecord): TokenView {
  return {
    id: token.id,
    userId: token.userId,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}

/** Tokens of other users are the Admin's business; your own are yours. */
function requireTokenOwnerOrAdmin(deps: AppDeps, actor: Actor, userId: string): void {
  if (userId === requireActor(deps, actor).id) return;
  const decision = decide(deps, actor, { type: "users.manage" });
  if (!decision.allowed) throw refusalError(decision, "Not found.", {});
}

/**
 * Creates an API token for the CLI or an integration. The token is returned
 * this once; only its SHA-256 is stored. It acts as its user, with the user's
 * role and assignments, until it expires or is revoked.
 */
export async function createApiToken(
  deps: AppDeps,
  context: WriteContext,
  input: { userId?: string | undefined; name: string; expiresInDays?: number | undefined },
): Promise<{ token: string; view: TokenView }> {
  const userId = input.userId ?? requireActor(deps, context.actor).id;
  requireTokenOwnerOrAdmin(deps, context.actor, userId);
  const name = input.name.trim();
  const violations = [];
  if (name === "" || name.length > 100) {
    violations.push({
      field: "name",
      code: "name_invalid",
      message: 'Name the token (1 to 100 characters), e.g. "laptop CLI".',
    });
  }
  const days = input.expiresInDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650)) {
    violations.push({
      field: "expiresInDays",
      code: "expiry_invalid",
      message: "A token lasts 1 to 3650 days.",
    });
  }
  if (violations.length > 0) throw saidError("validation_failed", "token_not_created", {}, { violations });
  const owner = await findUserWithAccount(deps.database.db, { id: userId });
  if (!owner) throw saidError("not_found", "no_user", { id: userId }, { detail: { userId } });

  const token = `${apiTokenPrefix}${newSecret()}`;
  const now = deps.now();
  const view = await deps.database.db.transaction(async (transaction) => {
    const tx = transaction as unknown as typeof deps.database.db;
    const record = await insertToken(tx, {
      userId,
      name,
      tokenHash: sha256(token),
      prefix: token.slice(0, apiTokenPrefix.length + 6),
      createdAt: now,
      expiresAt: days === undefined ? null : new Date(now.getTime() + days * 86_400_000),
    });
    const created = viewOf(record);
    await recordAudit(tx, deps, context, {
      action: "token.create",
      targetType: "api_token",
      targetId: record.id,
      before: null,
      after: { ...created, userEmail: owner.user.email },
    });
    return created;
  });
  return { token, view };
}

/** The actor an `Authorization: Bearer` token acts as, or null (unknown, revoked, expired, user disabled). */
export async function resolveApiToken(deps: AppDeps, token: string): Promise<Actor | null> {
  if (!token.startsWith(apiTokenPrefix) || token.length > 200) return null;
  const now = deps.now();
  const key = `token:${sha256(token)}`;
  const recalled = recalledCredential<{ actor: Actor; expiresAt: Date | null }>(deps, key);
  if (recalled) return recalled.expiresAt && recalled.expiresAt <= now ? null : recalled.actor;
  const db = deps.database.db;
  const found = await findToken(db, sha256(token));
  if (!found) return null;
  if (found.token.expiresAt && found.token.expiresAt <= now) return null;
  const lastUsed = found.token.lastUsedAt?.getTime() ?? 0;
  if (now.getTime() - lastUsed > 60_000) await touchToken(db, found.token.id, now);
  const actor: Actor = { ...found.user, language: chosenLanguage(found.language) };
  rememberCredential(deps, key, { actor, expiresAt: found.token.expiresAt });
  return actor;
}

export async function listApiTokens(deps: AppDeps, actor: Actor, userId?: string): Promise<TokenView[]> {
  const owner = userId ?? requireActor(deps, actor).id;
  requireTokenOwnerOrAdmin(deps, actor, owner);
  return (await tokensOf(deps.database.db, owner)).map(viewOf);
}

/** Revokes a token at once; revoking one already revoked changes nothing. */
export async function revokeApiToken(
  deps: AppDeps,
  context: WriteContext,
  tokenId: string,
): Promise<TokenView> {
  requireActor(deps, context.actor);
  const db = deps.database.db;
  const token = await findTokenById(db, tokenId);
  // Someone else's token reads as missing unless you may manage users.
  const visible =
    token &&
    (token.userId === context.actor.id || decide(deps, context.actor, { type: "users.manage" }).allowed);
  if (!token || !visible) throw saidError("not_found", "no_token", { id: tokenId }, { detail: { tokenId } });
  if (token.revokedAt) return viewOf(token);
  const revoked = await db.transaction(async (transaction) => {
    const tx = transaction as unknown as typeof db;
    const now = deps.now();
    await revokeToken(tx, token.id, now);
    const after = viewOf({ ...token, revokedAt: now });
    await recordAudit(tx, deps, context, {
      action: "token.revoke",
      targetType: "api_token",
      targetId: token.id,
      before: viewOf(token),
      after,
    });
    return after;
  });
  await forgetCredentials(deps);
  return revoked;
}
