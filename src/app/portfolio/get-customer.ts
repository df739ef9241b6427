import { findCustomer, tenantIdsOfCustomer, tenantViews } from "../../db/repositories/customer-repository.ts";
import { saidError } from "../../domain/app-error.ts";
import type { CustomerView, TenantView } from "../../http/schemas/portfolio.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { listScopeOf, requireCustomerAction } from "../auth/authorize-actor.ts";

/**
 * A customer with those of its tenants the actor may see and their seat
 * totals; not_found when absent or concealed from the actor.
 */
export async function getCustomer(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<{ customer: CustomerView; tenants: TenantView[] }> {
  const db = deps.database.db;
  await requireCustomerAction(deps, db, actor, { type: "tenant.read" }, id);
  const visibleTo = listScopeOf(deps, actor);
  const customer = await findCustomer(db, id);
  if (!customer) throw saidError("not_found", "no_customer", { id }, { detail: { customerId: id } });
  const tenants = await tenantViews(db, await tenantIdsOfCustomer(db, id, visibleTo));
  // The actor counts only the tenants it sees: the total would reveal hidden ones.
  return { customer: { ...customer, tenantCount: tenants.length }, tenants };
}
