import {
  entitlementIdsOfTenant,
  type TenantView,
  tenantViews,
} from "../../db/repositories/customer-repository.ts";
import { loadEntitlementViews } from "../../db/repositories/entitlement-repository.ts";
import type { EntitlementView } from "../../db/sql/entitlement-view.ts";
import { AppError } from "../../domain/app-error.ts";
import type { AppDeps } from "../app-deps.ts";

/** A tenant with its customer and every entitlement (with segments), by service name; not_found when absent. */
export async function getTenant(
  deps: AppDeps,
  id: string,
): Promise<{ tenant: TenantView; entitlements: EntitlementView[] }> {
  const db = deps.database.db;
  const [tenant] = await tenantViews(db, [id]);
  if (!tenant) throw new AppError("not_found", `There is no tenant ${id}.`, { detail: { tenantId: id } });
  const entitlements = await loadEntitlementViews(db, await entitlementIdsOfTenant(db, id));
  return { tenant, entitlements };
}
