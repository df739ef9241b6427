import { findEntitlementView } from "../../db/repositories/entitlement-repository.ts";
import type { EntitlementView } from "../../db/sql/entitlement-view.ts";
import { AppError } from "../../domain/app-error.ts";
import type { AppDeps } from "../app-deps.ts";

export type { EntitlementView } from "../../db/sql/entitlement-view.ts";

/** One entitlement with its customer, tenant, service and segments; not_found when absent. */
export async function getEntitlement(deps: AppDeps, id: string): Promise<EntitlementView> {
  const view = await findEntitlementView(deps.database.db, id);
  if (!view)
    throw new AppError("not_found", `There is no entitlement ${id}.`, { detail: { entitlementId: id } });
  return view;
}
