import { grantOf } from "./role-grants.ts";

/**
 * Which tenants a list, search, export or report may draw from for one actor:
 * every tenant, the tenants the user is assigned to (directly or through the
 * customer), or none. The database layer turns it into a condition, so the
 * filter applies before paging and counting and nothing outside it leaks.
 */
export type TenantScope = { kind: "all" } | { kind: "assigned"; userId: string } | { kind: "none" };

export const everyTenant: TenantScope = { kind: "all" };

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
