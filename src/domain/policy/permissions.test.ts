import { describe, expect, it } from "vitest";
import { defaultPlaybook } from "../../../test/support/default-playbook.ts";
import { authorize } from "./authorize.ts";
import { permissionsOf } from "./permissions.ts";
import { policyContextOf } from "./policy-context.ts";
import { knownRoles } from "./role-grants.ts";
import { smallCellTenants, withoutSmallCells } from "./small-cells.ts";
import { tenantScopeOf } from "./tenant-scope.ts";

const context = policyContextOf(defaultPlaybook());

describe(permissionsOf.name, () => {
  it("gives the Delivery FM Delivery writes and assigning, nothing of the Admin", () => {
    const permissions = permissionsOf(context, "delivery_fm");
    expect(permissions).toContain("status.write.delivery");
    expect(permissions).not.toContain("status.write.assignment");
    expect(permissions).toContain("assignments.manage");
    expect(permissions).not.toContain("users.manage");
  });

  it("gives the Admin every write, user management and the audit export", () => {
    expect(permissionsOf(context, "admin")).toEqual(
      expect.arrayContaining([
        "status.write.assignment",
        "status.write.delivery",
        "users.manage",
        "assignments.manage.all",
        "audit.export",
        "playbook.edit",
      ]),
    );
  });

  it("marks Engineering aggregate-only without tenant reads", () => {
    expect(permissionsOf(context, "engineering").sort()).toEqual([
      "reports.aggregate_only",
      "reports.read",
      "work_items.manage",
    ]);
  });

  it("agrees with authorize on every role's stage writes where assigned", () => {
    for (const role of knownRoles) {
      for (const stage of ["assignment", "delivery"] as const) {
        const decided = authorize(
          context,
          role,
          { type: "status.write", stage },
          { via: "tenant", primary: true },
        );
        expect(permissionsOf(context, role).includes(`status.write.${stage}`), `${role} ${stage}`).toBe(
          decided.allowed,
        );
      }
    }
  });
});

describe(tenantScopeOf.name, () => {
  it("limits field roles and partners to their assignments", () => {
    expect(tenantScopeOf({ id: "u1", role: "partner" }, "rows")).toEqual({ kind: "assigned", userId: "u1" });
    expect(tenantScopeOf({ id: "u1", role: "viewer" }, "aggregate")).toEqual({
      kind: "assigned",
      userId: "u1",
    });
  });

  it("gives Engineering no rows but the whole portfolio for totals", () => {
    expect(tenantScopeOf({ id: "u2", role: "engineering" }, "rows")).toEqual({ kind: "none" });
    expect(tenantScopeOf({ id: "u2", role: "engineering" }, "aggregate")).toEqual({ kind: "all" });
  });

  it("gives Team Leads and Admins every tenant", () => {
    expect(tenantScopeOf({ id: "u3", role: "team_lead" }, "rows")).toEqual({ kind: "all" });
  });
});

describe(withoutSmallCells.name, () => {
  const rows = [
    { l2: "billing", tenants: smallCellTenants, seats: 900 },
    { l2: "legal", tenants: smallCellTenants - 1, seats: 40 },
    { l2: "network", tenants: 1, seats: 5 },
  ];

  it("withholds cells under five tenants from Engineering and says how many", () => {
    const result = withoutSmallCells("engineering", rows);
    expect(result.rows.map((row) => row.l2)).toEqual(["billing"]);
    expect(result.suppressed).toBe(2);
  });

  it("keeps every cell for roles that read tenants anyway", () => {
    expect(withoutSmallCells("delivery_fm", rows)).toEqual({ rows, suppressed: 0 });
  });
});
