import {
  type CustomerView,
  findCustomer,
  type TenantView,
  tenantIdsOfCustomer,
  tenantViews,
} from "../db/repositories/customer-repository.ts";
import { AppError } from "../domain/app-error.ts";
import type { AppDeps } from "./app-deps.ts";

/** A customer with all its tenants and their seat totals; not_found when absent. */
export async function getCustomer(
  deps: AppDeps,
  id: string,
): Promise<{ customer: CustomerView; tenants: TenantView[] }> {
  const db = deps.database.db;
  const customer = await findCustomer(db, id);
  if (!customer)
    throw new AppError("not_found", `There is no customer ${id}.`, { detail: { customerId: id } });
  return { customer, tenants: await tenantViews(db, await tenantIdsOfCustomer(db, id)) };
}
