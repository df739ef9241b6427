import type { Db } from "../../db/client.ts";
import { accessByTenantDomain } from "../../db/repositories/assignment-repository.ts";
import { rowError } from "../../domain/csv/csv-row-error.ts";
import type { ImportPlan, StoredEntitlement } from "../../domain/csv/plan-status-import.ts";
import { notAssigned } from "../../domain/policy/authorize.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { decide } from "./authorize-actor.ts";

/** The policy applied to a status import, tenant by tenant, for the actor running it. */
export interface ImportAccess {
  /** Tenants the actor may not even know of (a partner's other tenants): the import treats them as unknown. */
  hidden(tenantDomain: string): boolean;
  /** Turns planned changes the actor may not write (not assigned, wrong stage) into row errors. */
  refuseUnauthorised<T extends StoredEntitlement>(plan: ImportPlan<T>): void;
}

export async function importAccessOf(
  deps: AppDeps,
  db: Db,
  actor: Actor,
  tenantDomains: readonly string[],
): Promise<ImportAccess> {
  const access = await accessByTenantDomain(db, actor.id, tenantDomains);
  const accessOf = (domain: string) => access.get(domain.toLowerCase()) ?? notAssigned;
  return {
    hidden: (domain) => {
      const decision = decide(deps, actor, { type: "tenant.read" }, accessOf(domain));
      return !decision.allowed && decision.concealed;
    },
    refuseUnauthorised: (plan) => {
      plan.changes = plan.changes.filter((change) => {
        const decision = decide(
          deps,
          actor,
          { type: "status.write", stage: change.stage },
          accessOf(change.group.tenantDomain),
        );
        if (decision.allowed) return true;
        plan.refused += 1;
        plan.errors.push(
          rowError(change.group.rows[0] ?? 0, null, "forbidden", `${decision.reason} ${decision.instead}`),
        );
        return false;
      });
    },
  };
}
