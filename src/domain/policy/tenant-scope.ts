import { grantOf } from "./role-grants.ts";

/**
 * Which tenants a list, search, export or report may draw from for one actor:
 * every tenant, the tenants the user is assigned to (directly or through the
 * customer), or none. The database layer turns it into a condition, so the
 * filter applies before paging and counting and nothing outside it leaks.
 */
export type TenantScope =
  | { kind: "all" }
  | { kind: "assigned"; userId: string }
  | { kind: "none" }
  /** "My portfolio": tenants the user is assigned to or owns a segment in, never beyond `within`. */
  | { kind: "mine"; userId: string; within: TenantScope };

export const everyTenant: TenantScope = { kind: "all" };

/**
 * Narrows what an actor may read (`within`) to the tenants that are theirs:
 * assigned to them (directly or through the customer), or with a status
 * segment whose owner they are. Ownership never widens `within`.
 */
export function mineWithin(within: TenantScope, userId: string): TenantScope {
  return within.kind === "none" ? within : { kind: "mine", userId, within };
}

/**
 * The scope of an actor. `rows` is for anything that shows single tenants
 * (lists, search, detail, export); `aggregate` is for totals across tenants,
 * which aggregate-only roles (Engineering) draw from the whole portfolio.
 */
export function tenantScopeOf(
  actor: { id: string; role: string },
  purpose: "rows" | "aggregate",
): TenantScope {
  const { reach } = grantOf(actor.role);
  if (reach === "all") return everyTenant;
  if (reach === "aggregate") return purpose === "aggregate" ? everyTenant : { kind: "none" };
  return { kind: "assigned", userId: actor.id };
}
