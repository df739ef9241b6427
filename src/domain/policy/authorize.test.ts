import { describe, expect, it } from "vitest";
import { defaultPlaybook } from "../../../test/support/default-playbook.ts";
import { ruleTextFor } from "../i18n/rule-text.ts";
import { type Access, type Action, authorize, refusalMessage } from "./authorize.ts";
import { policyContextOf } from "./policy-context.ts";
import { knownRoles } from "./role-grants.ts";

const context = policyContextOf(defaultPlaybook());

/** How the actor is assigned to the target, in the column order of the table below. */
const relations: Record<string, Access> = {
  none: { via: "none", primary: false },
  tenant: { via: "tenant", primary: false },
  "tenant*": { via: "tenant", primary: true },
  customer: { via: "customer", primary: false },
  "customer*": { via: "customer", primary: true },
};
const relationNames = Object.keys(relations);

const actions: Record<string, Action> = {
  read: { type: "tenant.read" },
  "write.assignment": { type: "status.write", stage: "assignment" },
  "write.delivery": { type: "status.write", stage: "delivery" },
  "assign.tenant": { type: "assignments.manage", level: "tenant" },
  "assign.customer": { type: "assignments.manage", level: "customer" },
  reports: { type: "reports.read", rows: false },
  "reports.rows": { type: "reports.read", rows: true },
  "users.manage": { type: "users.manage" },
  "playbook.edit": { type: "playbook.edit" },
  "audit.export": { type: "audit.export" },
};

/**
 * The permission matrix of the default playbook, written out by hand. One
 * letter per assignment relation, in the order none, tenant, tenant (primary),
 * customer, customer (primary): A = allowed, F = forbidden (403), H = hidden
 * as if absent (404).
 */
const matrix: Record<string, Record<keyof typeof actions, string>> = {
  admin: {
    read: "AAAAA",
    "write.assignment": "AAAAA",
    "write.delivery": "AAAAA",
    "assign.tenant": "AAAAA",
    "assign.customer": "AAAAA",
    reports: "AAAAA",
    "reports.rows": "AAAAA",
    "users.manage": "AAAAA",
    "playbook.edit": "AAAAA",
    "audit.export": "AAAAA",
  },
  team_lead: {
    read: "AAAAA",
    "write.assignment": "FFFFF",
    "write.delivery": "FFFFF",
    "assign.tenant": "AAAAA",
    "assign.customer": "AAAAA",
    reports: "AAAAA",
    "reports.rows": "AAAAA",
    "users.manage": "FFFFF",
    "playbook.edit": "FFFFF",
    "audit.export": "FFFFF",
  },
  assignment_fm: {
    read: "FAAAA",
    "write.assignment": "FAAAA",
    "write.delivery": "FFFFF",
    "assign.tenant": "FFAFA",
    "assign.customer": "FFFFA",
    reports: "AAAAA",
    "reports.rows": "AAAAA",
    "users.manage": "FFFFF",
    "playbook.edit": "FFFFF",
    "audit.export": "FFFFF",
  },
  delivery_fm: {
    read: "FAAAA",
    "write.assignment": "FFFFF",
    "write.delivery": "FAAAA",
    "assign.tenant": "FFAFA",
    "assign.customer": "FFFFA",
    reports: "AAAAA",
    "reports.rows": "AAAAA",
    "users.manage": "FFFFF",
    "playbook.edit": "FFFFF",
    "audit.export": "FFFFF",
  },
  fasttrack_engineer: {
    read: "FAAAA",
    "write.assignment": "FFFFF",
    "write.delivery": "FFFFF",
    "assign.tenant": "FFFFF",
    "assign.customer": "FFFFF",
    reports: "AAAAA",
    "reports.rows": "AAAAA",
    "users.manage": "FFFFF",
    "playbook.edit": "FFFFF",
    "audit.export": "FFFFF",
  },
  account_team: {
    read: "FAAAA",
    "write.assignment": "FFFFF",
    "write.delivery": "FFFFF",
    "assign.tenant": "FFFFF",
    "assign.customer": "FFFFF",
    reports: "AAAAA",
    "reports.rows": "AAAAA",
    "users.manage": "FFFFF",
    "playbook.edit": "FFFFF",
    "audit.export": "FFFFF",
  },
  partner: {
    read: "HAAAA",
    "write.assignment": "HFFFF",
    "write.delivery": "HFFFF",
    "assign.tenant": "HFFFF",
    "assign.customer": "HFFFF",
    reports: "AAAAA",
    "reports.rows": "AAAAA",
    "users.manage": "FFFFF",
    "playbook.edit": "FFFFF",
    "audit.export": "FFFFF",
  },
  engineering: {
    read: "FFFFF",
    "write.assignment": "FFFFF",
    "write.delivery": "FFFFF",
    "assign.tenant": "FFFFF",
    "assign.customer": "FFFFF",
    reports: "AAAAA",
    "reports.rows": "FFFFF",
    "users.manage": "FFFFF",
    "playbook.edit": "FFFFF",
    "audit.export": "FFFFF",
  },
  viewer: {
    read: "FAAAA",
    "write.assignment": "FFFFF",
    "write.delivery": "FFFFF",
    "assign.tenant": "FFFFF",
    "assign.customer": "FFFFF",
    reports: "AAAAA",
    "reports.rows": "AAAAA",
    "users.manage": "FFFFF",
    "playbook.edit": "FFFFF",
    "audit.export": "FFFFF",
  },
};

function letterOf(role: string, action: Action, access: Access): string {
  const decision = authorize(context, role, action, access);
  if (decision.allowed) return "A";
  return decision.concealed ? "H" : "F";
}

describe(authorize.name, () => {
  it("covers every role of the default playbook", () => {
    expect(Object.keys(matrix).sort()).toEqual([...knownRoles].sort());
    expect(
      defaultPlaybook()
        .roles.map((role) => role.id)
        .sort(),
    ).toEqual([...knownRoles].sort());
  });

  for (const [role, row] of Object.entries(matrix)) {
    for (const [actionName, expected] of Object.entries(row)) {
      it(`decides ${actionName} for ${role} as ${expected}`, () => {
        const action = actions[actionName]!;
        const actual = relationNames.map((name) => letterOf(role, action, relations[name]!)).join("");
        expect(actual).toBe(expected);
      });
    }
  }

  it("says which stage rule refused a Delivery FM in the Assignment stage, and who may", () => {
    const decision = authorize(
      context,
      "delivery_fm",
      { type: "status.write", stage: "assignment" },
      relations.tenant,
    );
    expect(decision).toMatchObject({ allowed: false, rule: "stage_writer" });
    expect(refusalMessage(decision)).toMatch(/Assignment stage.*the Assignment FM.*not the Delivery FM/);
    expect(refusalMessage(decision)).toMatch(/Ask the Assignment FM assigned to this tenant, or an Admin/);
  });

  it("tells an unassigned Delivery FM that assignment is missing and who assigns", () => {
    const decision = authorize(context, "delivery_fm", { type: "status.write", stage: "delivery" });
    expect(decision).toMatchObject({ allowed: false, rule: "not_assigned", concealed: false });
    expect(refusalMessage(decision)).toMatch(/Team Lead/);
  });

  it("refuses Engineering a tenant by the aggregate-only rule", () => {
    const decision = authorize(context, "engineering", { type: "tenant.read" }, relations.customer);
    expect(decision).toMatchObject({ allowed: false, rule: "aggregate_only", concealed: false });
    expect(refusalMessage(decision)).toMatch(/never a single tenant/);
  });

  it("refuses Engineering a report narrowed to one customer, and allows it to a Viewer", () => {
    const oneCustomer = { type: "reports.read", rows: false, oneCustomer: true } as const;
    expect(authorize(context, "engineering", oneCustomer)).toMatchObject({
      allowed: false,
      rule: "aggregate_only",
    });
    expect(authorize(context, "viewer", oneCustomer).allowed).toBe(true);
  });

  it("tells a Viewer it only reads, naming who records status in that stage", () => {
    const decision = authorize(
      context,
      "viewer",
      { type: "status.write", stage: "delivery" },
      relations.tenant,
    );
    expect(decision).toMatchObject({ allowed: false, rule: "read_only_role" });
    expect(refusalMessage(decision)).toMatch(/The Delivery FM assigned to the tenant records it/);
  });

  it("lets a playbook that names Partners on Delivery rows give Partners that right", () => {
    const playbook = defaultPlaybook();
    const partnerPlaybook = {
      ...playbook,
      scenarios: playbook.scenarios.map((row) =>
        row.stage === "delivery" ? { ...row, updatedBy: [...row.updatedBy, "partner"] } : row,
      ),
    };
    const partnerContext = policyContextOf(partnerPlaybook);
    const write = { type: "status.write", stage: "delivery" } as const;
    expect(authorize(partnerContext, "partner", write, relations.tenant).allowed).toBe(true);
    expect(authorize(partnerContext, "partner", write, relations.none)).toMatchObject({ concealed: true });
    expect(authorize(context, "partner", write, relations.tenant).allowed).toBe(false);
  });

  it("treats a role a custom playbook adds like a field role: assigned tenants only", () => {
    expect(authorize(context, "regional_pm", { type: "tenant.read" }, relations.tenant).allowed).toBe(true);
    expect(authorize(context, "regional_pm", { type: "tenant.read" }, relations.none).allowed).toBe(false);
    expect(authorize(context, "regional_pm", { type: "users.manage" }).allowed).toBe(false);
  });

  it("tells an unassigned Viewer that it changes nothing, not where it would", () => {
    const decision = authorize(context, "viewer", { type: "status.write", stage: "delivery" });
    expect(decision).toMatchObject({ allowed: false, rule: "not_assigned" });
    expect(refusalMessage(decision)).toMatch(/^The Viewer role changes nothing: it only reads/);
    expect(refusalMessage(decision)).not.toMatch(/changes only|a Viewer/);
  });

  it("names a role without a wrong article: never 'A Assignment FM'", () => {
    const decision = authorize(
      context,
      "assignment_fm",
      { type: "assignments.manage", level: "tenant" },
      relations.tenant,
    );
    expect(decision).toMatchObject({ allowed: false, rule: "assign_needs_primary" });
    expect(refusalMessage(decision)).toMatch(/^The Assignment FM role assigns users only where you are/);
    expect(refusalMessage(decision)).not.toMatch(/\bA Assignment\b/);
  });

  it("refuses in German with the same rule when handed the German text", () => {
    const german = policyContextOf(defaultPlaybook(), ruleTextFor("de"));
    const decision = authorize(
      german,
      "delivery_fm",
      { type: "status.write", stage: "assignment" },
      relations.tenant,
    );
    expect(decision).toMatchObject({ allowed: false, rule: "stage_writer" });
    expect(refusalMessage(decision)).toBe(
      "In der Phase „Zuweisung“ lässt das Playbook nur die Rolle Assignment FM den Status erfassen, nicht die Rolle Delivery FM. " +
        "Fragen Sie jemanden, der als Assignment FM diesem Mandanten zugewiesen ist, oder einen Admin.",
    );
  });
});
