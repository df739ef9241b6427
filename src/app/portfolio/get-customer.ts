import {
  type CustomerView,
  findCustomer,
  type TenantView,
  tenantIdsOfCustomer,
  tenantViews,
} from "../../db/repositories/customer-repository.ts";
import { AppError } from "../../domain/app-error.ts";
import type { TenantScope } from "../../domain/policy/tenant-scope.ts";
import type { AppDeps } from "../app-deps.ts";

/** A customer with all its tenants and their seat totals; not_found when absent. */
export async function getCustomer(
  deps: AppDeps,
  id: string,
  /** Only the tenants the caller may see (set by the HTTP layer); absent means all. */
  visibleTo?: TenantScope,
): Promise<{ customer: CustomerView; tenants: TenantView[] }> {
  const db = deps.database.db;
  const customer = await findCustomer(db, id);
  if (!customer)
    throw new AppError("not_found", `There is no customer ${id}.`, { detail: { customerId: id } });
  const tenants = await tenantViews(db, await tenantIdsOfCustomer(db, id, visibleTo));
  // A scoped caller counts only the tenants it sees: the total would reveal hidden ones.
  return { customer: visibleTo ? { ...customer, tenantCount: tenants.length } : customer, tenants };
}
