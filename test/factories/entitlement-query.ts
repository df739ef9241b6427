import type { EntitlementQuery } from "../../src/db/repositories/entitlement-list-repository.ts";
import { everyTenant } from "../../src/domain/policy/tenant-scope.ts";

/** A checked list query over every tenant with no filter, "updated" newest first, 20 rows; a test states only what it filters on. */
export function entitlementQuery(fields: Partial<EntitlementQuery> = {}): EntitlementQuery {
  return {
    l1: [],
    l2: [],
    l3: [],
    serviceId: [],
    owner: [],
    ownerUnresolved: false,
    stage: [],
    targetFrom: null,
    targetTo: null,
    l1DaysMin: null,
    l1DaysMax: null,
    overdue: false,
    today: "2025-03-10",
    q: null,
    customerId: null,
    tenantId: null,
    sort: "updated",
    order: "desc",
    limit: 20,
    visibleTo: everyTenant,
    usageShareMin: null,
    usageShareMax: null,
    contradiction: null,
    usageRules: undefined,
    ended: "exclude",
    resplitNeeded: false,
    ...fields,
  };
}
