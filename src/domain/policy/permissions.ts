import type { PolicyContext } from "./policy-context.ts";
import { stages } from "./policy-context.ts";
import { grantOf, roleIds } from "./role-grants.ts";

/**
 * What a role may do in general, as the strings the web app switches on
 * (`status.write.delivery`, `reports.read`, ...). Derived from the same grants
 * and stage rules `authorize` uses, so a button the app shows is a request the
 * server accepts, tenant assignment aside.
 */
export function permissionsOf(context: PolicyContext, role: string): string[] {
  const grant = grantOf(role);
  const permissions: string[] = [];
  if (grant.reach !== "aggregate") permissions.push("tenants.read");
  if (grant.reach === "all") permissions.push("tenants.read.all");
  if (grant.writes) {
    for (const stage of stages) {
      if (role === roleIds.admin || context.stageWriters[stage].includes(role)) {
        permissions.push(`status.write.${stage}`);
      }
    }
  }
  permissions.push("reports.read");
  if (grant.reach === "aggregate") permissions.push("reports.aggregate_only");
  if (role === roleIds.engineering || grant.administers) permissions.push("work_items.manage");
  if (grant.assigns !== "never") permissions.push("assignments.manage");
  if (grant.assigns === "anywhere") permissions.push("assignments.manage.all", "assignments.reassign");
  if (grant.administers) permissions.push("users.manage", "playbook.edit", "audit.export", "portfolio.sync");
  if (grant.administers) permissions.push("resolvers.manage");
  return permissions;
}
