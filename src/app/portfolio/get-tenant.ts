import { entitlementIdsOfTenant, tenantViews } from "../../db/repositories/customer-repository.ts";
import { loadEntitlementViews } from "../../db/repositories/entitlement-repository.ts";
import { saidError } from "../../domain/app-error.ts";
import type { EntitlementView } from "../../http/schemas/entitlements.ts";
import type { TenantView } from "../../http/schemas/portfolio.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireTenantAction } from "../auth/authorize-actor.ts";

/**
 * A tenant with its customer and every entitlement (with segments), by
 * service name, if the actor may read it; not_found when absent or concealed.
 */
export async function getTenant(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<{ tenant: TenantView; entitlements: EntitlementView[] }> {
  const db = deps.database.db;
  await requireTenantAction(deps, db, actor, { type: "tenant.read" }, { tenantId: id });
  const [tenant] = await tenantViews(db, [id]);
  if (!tenant) throw saidError("not_found", "no_tenant", { id }, { detail: { tenantId: id } });
  const entitlements = await loadEntitlementViews(db, await entitlementIdsOfTenant(db, id));
  return { tenant, entitlements };
}
