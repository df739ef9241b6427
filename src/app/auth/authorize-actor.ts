import type { Db } from "../../db/client.ts";
import {
  accessToCustomer,
  accessToEntitlement,
  accessToTenant,
  type TenantAccess,
} from "../../db/repositories/assignment-repository.ts";
import { AppError, saidError } from "../../domain/app-error.ts";
import type { PlaybookIndex } from "../../domain/playbook/playbook-index.ts";
import {
  type Access,
  type Action,
  authorize,
  type Decision,
  notAssigned,
} from "../../domain/policy/authorize.ts";
import { type PolicyContext, policyContextOf } from "../../domain/policy/policy-context.ts";
import { roleIds } from "../../domain/policy/role-grants.ts";
import { mineWithin, type TenantScope, tenantScopeOf } from "../../domain/policy/tenant-scope.ts";
import { onePer } from "../../one-per.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { indexFor } from "../playbook/playbook-translations.ts";

const contextOf = onePer((index: PlaybookIndex) => policyContextOf(index.playbook, index.text));
const rolesOf = onePer(
  (index: PlaybookIndex) => new Set([roleIds.admin, ...index.playbook.roles.map((role) => role.id)]),
);

/** The policy's view of the active playbook, derived once per loaded playbook (and language of refusals). */
export function policyContext(deps: AppDeps, actor?: Actor): PolicyContext {
  return contextOf(actor ? indexFor(deps, actor) : deps.playbook.index);
}

/** Whether the active playbook defines the role (the Admin is always one). */
export function isKnownRole(deps: AppDeps, role: string): boolean {
  return rolesOf(deps.playbook.index).has(role);
}

/**
 * The first check of every use-case: someone must be acting, in a role the
 * active playbook defines. Without it a forgotten actor or a role left over
 * from an older playbook would fall through to whatever the policy grants
 * by default; here it is refused instead (fail-closed).
 */
export function requireActor(deps: AppDeps, actor: Actor | null | undefined): Actor {
  if (!actor || typeof actor.id !== "string" || typeof actor.role !== "string") {
    throw saidError("unauthenticated", "sign_in_first");
  }
  if (!isKnownRole(deps, actor.role)) {
    throw saidError("forbidden", "role_unknown", { role: actor.role }, { detail: { rule: "role_unknown" } });
  }
  return actor;
}

/** The policy's decision for an actor that passed requireActor (checked again here). */
export function decide(deps: AppDeps, actor: Actor, action: Action, access: Access = notAssigned): Decision {
  return authorize(policyContext(deps, actor), requireActor(deps, actor).role, action, access);
}

/** A refusal as the core's error: 403 with the rule in words, or 404 when the target is concealed. */
export function refusalError(
  decision: Decision,
  notFound: string | AppError,
  detail: Record<string, unknown>,
): AppError {
  if (decision.allowed) throw new Error("refusalError called for an allowed decision");
  if (decision.concealed) {
    return typeof notFound === "string" ? new AppError("not_found", notFound, { detail }) : notFound;
  }
  return new AppError("forbidden", `${decision.reason} ${decision.instead}`, {
    detail: { rule: decision.rule, reason: decision.reason, instead: decision.instead },
  });
}

/** For actions that depend on the role alone (users, audit, reports). Throws forbidden. */
export function requireAllowed(deps: AppDeps, actor: Actor, action: Action): void {
  const decision = decide(deps, actor, action);
  if (!decision.allowed) throw refusalError(decision, saidError("not_found", "not_found"), {});
}

export type TenantTarget = { entitlementId: string } | { tenantId: string };

/** The target's not_found, built only when thrown: an error's stack and sentence cost more than the check. */
function describe(target: TenantTarget): { missing: () => AppError; detail: Record<string, unknown> } {
  const detail =
    "entitlementId" in target ? { entitlementId: target.entitlementId } : { tenantId: target.tenantId };
  const missing = () =>
    "entitlementId" in target
      ? saidError("not_found", "no_entitlement", { id: target.entitlementId }, { detail })
      : saidError("not_found", "no_tenant", { id: target.tenantId }, { detail });
  return { missing, detail };
}

/**
 * Checks an action on one tenant (named directly or by one of its
 * entitlements) and returns the tenant and the actor's access to it. A missing
 * target and a concealed one give the same not_found, word for word.
 */
export async function requireTenantAction(
  deps: AppDeps,
  db: Db,
  actor: Actor,
  action: Action,
  target: TenantTarget,
): Promise<TenantAccess> {
  requireActor(deps, actor);
  const found =
    "entitlementId" in target
      ? await accessToEntitlement(db, actor.id, target.entitlementId)
      : await accessToTenant(db, actor.id, target.tenantId);
  return allowTenantAction(deps, actor, action, target, found);
}

/**
 * requireTenantAction for a caller that read the actor's access itself (in
 * the same statement as the target): null is a missing target.
 */
export function allowTenantAction(
  deps: AppDeps,
  actor: Actor,
  action: Action,
  target: TenantTarget,
  found: TenantAccess | null,
): TenantAccess {
  const { missing, detail } = describe(target);
  if (!found) throw missing();
  const decision = decide(deps, actor, action, found.access);
  if (!decision.allowed) throw refusalError(decision, missing(), detail);
  return found;
}

/** Checks an action on a customer (customer-level assignments); returns the actor's access. */
export async function requireCustomerAction(
  deps: AppDeps,
  db: Db,
  actor: Actor,
  action: Action,
  customerId: string,
): Promise<Access> {
  requireActor(deps, actor);
  const access = await accessToCustomer(db, actor.id, customerId);
  const missing = () => saidError("not_found", "no_customer", { id: customerId }, { detail: { customerId } });
  if (!access) throw missing();
  const decision = decide(deps, actor, action, access);
  if (!decision.allowed) throw refusalError(decision, missing(), { customerId });
  return access;
}

/** The tenants lists, search and export may show this actor. */
export function rowScopeOf(deps: AppDeps, actor: Actor): TenantScope {
  return tenantScopeOf(requireActor(deps, actor), "rows");
}

/**
 * The scope of a list of tenants' rows; an aggregate-only role (Engineering)
 * is refused outright, saying why, rather than shown an empty list. `mine`:
 * only the actor's own tenants within it (my portfolio).
 */
export function listScopeOf(deps: AppDeps, actor: Actor, mine?: boolean): TenantScope {
  const decision = decide(deps, actor, { type: "tenant.read" });
  if (!decision.allowed && decision.rule === "aggregate_only") throw refusalError(decision, "Not found.", {});
  const scope = rowScopeOf(deps, actor);
  return mine && actor ? mineWithin(scope, actor.id) : scope;
}

/** The tenants reports total over for this actor (aggregate-only roles: all, then suppressed). */
export function aggregateScopeOf(deps: AppDeps, actor: Actor): TenantScope {
  return tenantScopeOf(requireActor(deps, actor), "aggregate");
}
