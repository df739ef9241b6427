import { findEntitlementView } from "../../db/repositories/entitlement-repository.ts";
import { saidError } from "../../domain/app-error.ts";
import { assessUsage } from "../../domain/usage/assess-usage.ts";
import type { EntitlementDetail } from "../../http/schemas/entitlements.ts";
import { type Actor, type AppDeps, todayOf } from "../app-deps.ts";
import { requireTenantAction } from "../auth/authorize-actor.ts";
import { indexFor } from "../playbook/playbook-translations.ts";

/**
 * One entitlement with its customer, tenant, service and segments, and its
 * usage read against its status by the playbook (its sentences in the
 * reader's language), if the actor may read its tenant; not_found when
 * absent or concealed from it.
 */
export async function getEntitlement(deps: AppDeps, actor: Actor, id: string): Promise<EntitlementDetail> {
  const db = deps.database.db;
  await requireTenantAction(deps, db, actor, { type: "tenant.read" }, { entitlementId: id });
  const view = await findEntitlementView(db, id);
  if (!view) throw saidError("not_found", "no_entitlement", { id }, { detail: { entitlementId: id } });
  const index = indexFor(deps, actor);
  const usageAssessment = assessUsage(index.playbook, { ...view, today: todayOf(deps.now()) }, index.text);
  return { ...view, usageAssessment };
}
