import type { Stage } from "../playbook/playbook-schema.ts";
import { type PolicyContext, rolesInWords } from "./policy-context.ts";
import { grantOf, roleIds } from "./role-grants.ts";

/**
 * Every action the portal guards. Tenant actions are judged against how the
 * actor is assigned to that tenant; the others depend on the role alone.
 */
export type Action =
  | { type: "tenant.read" }
  | { type: "status.write"; stage: Stage }
  /** Assign or unassign users on a tenant, or on a customer (covering all its tenants). */
  | { type: "assignments.manage"; level: "tenant" | "customer" }
  /** Move one person's customers and tenants, and the seats they own, to another (docs/OWNERS.md). */
  | { type: "assignments.reassign" }
  /**
   * Run a report; `rows` for reports that list individual tenants (overdue
   * actions), not totals; `oneCustomer` when narrowed to a single customer.
   */
  | { type: "reports.read"; rows: boolean; oneCustomer?: boolean }
  | { type: "users.manage" }
  | { type: "playbook.edit" }
  | { type: "audit.export" }
  /** Load the portfolio feed (customers, tenants, entitlements, people, usage). */
  | { type: "portfolio.sync" }
  /** List background jobs and retry failed ones (`unblock jobs`). */
  | { type: "jobs.manage" }
  /** Subscribe URLs to events, read their delivery logs, redeliver. */
  | { type: "webhooks.manage" }
  /** Create, edit and ship product work items (the product group and Admins; docs/ROADMAP.md). */
  | { type: "work_items.manage" }
  /** Add and remove the people of the playbook's resolver groups (docs/ESCALATIONS.md). */
  | { type: "resolvers.manage" };

export type ActionType = Action["type"];

/**
 * How the actor is assigned to the tenant an action targets: to the tenant
 * itself, to its customer (which covers every tenant of the customer), or not
 * at all; and whether one of those assignments is primary. For a customer
 * target, `tenant` means assigned to some of its tenants only: enough to see
 * the customer, not to assign on all of it.
 */
export interface Access {
  via: "none" | "tenant" | "customer";
  primary: boolean;
}

export const notAssigned: Access = { via: "none", primary: false };

/** The rule that refused, stable for clients and tests. */
export type PolicyRule =
  | "not_assigned"
  | "aggregate_only"
  | "read_only_role"
  | "stage_writer"
  | "assign_needs_primary"
  | "assign_not_allowed"
  | "admin_only"
  | "report_rows_hidden"
  | "product_group_only";

export type Decision =
  | { allowed: true }
  | {
      allowed: false;
      rule: PolicyRule;
      /** Which rule refused, in words. */
      reason: string;
      /** Who may do it instead, or how to get the right. */
      instead: string;
      /**
       * Answer as if the tenant did not exist (404): a partner must not learn
       * that another partner's tenant exists.
       */
      concealed: boolean;
    };

const allow: Decision = { allowed: true };

function refuse(rule: PolicyRule, reason: string, instead: string, concealed = false): Decision {
  return { allowed: false, rule, reason, instead, concealed };
}

/**
 * Decides one action for one actor. Pure: the caller looks up the actor's
 * assignments to the target and passes them in as `access`; every entry point
 * (HTTP routes, the CLI, the web app through its permissions) asks this.
 */
export function authorize(
  context: PolicyContext,
  role: string,
  action: Action,
  access: Access = notAssigned,
): Decision {
  const grant = grantOf(role);
  const roleName = context.roleName(role);
  switch (action.type) {
    case "tenant.read":
      return readTenant(context, role, access);
    case "status.write": {
      const read = readTenant(context, role, access);
      if (!read.allowed) return read.rule === "not_assigned" ? notAssignedToWrite(context, role) : read;
      if (!grant.writes) {
        return refuse(
          "read_only_role",
          `The ${roleName} role reads and never changes a status.`,
          `${capitalise(rolesInWords(context, context.stageWriters[action.stage]))} assigned to the tenant records it.`,
        );
      }
      const writers = context.stageWriters[action.stage];
      if (role !== roleIds.admin && !writers.includes(role)) {
        return refuse(
          "stage_writer",
          `In the ${stageName(action.stage)} stage, the playbook lets ${rolesInWords(context, writers)} record status, not the ${roleName}.`,
          `Ask ${rolesInWords(context, writers)} assigned to this tenant, or an Admin.`,
        );
      }
      if (!grant.writesAnywhere && access.via === "none") return notAssignedToWrite(context, role);
      return allow;
    }
    case "assignments.manage": {
      const read = readTenant(context, role, access);
      if (!read.allowed && read.concealed) return read;
      if (grant.assigns === "anywhere") return allow;
      const target = action.level === "customer" ? "this customer" : "this tenant (or its customer)";
      if (grant.assigns === "where_primary") {
        const covering = action.level === "customer" ? access.via === "customer" : access.via !== "none";
        if (covering && access.primary) return allow;
        return refuse(
          "assign_needs_primary",
          `A ${roleName} assigns users only where it is the primary ${roleName}; you are not primary on ${target}.`,
          "Ask a Team Lead, an Admin, or the primary FM of it.",
        );
      }
      return refuse(
        "assign_not_allowed",
        `The ${roleName} role does not assign users; only Admins, Team Leads and primary FMs do.`,
        "Ask a Team Lead, an Admin, or the primary FM of the tenant.",
      );
    }
    case "assignments.reassign":
      if (grant.assigns === "anywhere") return allow;
      return refuse(
        "assign_not_allowed",
        `Only Admins and Team Leads move one person's customers and tenants to another; you are signed in as ${roleName}.`,
        "Ask a Team Lead or an Admin.",
      );
    case "reports.read":
      if (action.rows && grant.reach === "aggregate") {
        return refuse(
          "report_rows_hidden",
          `The ${roleName} role reads reports in aggregate only; this report lists single tenants.`,
          "Use the blocked-seats reports, or ask someone assigned to the tenants.",
        );
      }
      if (action.oneCustomer && grant.reach === "aggregate") {
        return refuse(
          "aggregate_only",
          `The ${roleName} role reads reports across the whole portfolio, not narrowed to one customer.`,
          "Leave out the customer filter, or ask someone assigned to the customer.",
        );
      }
      return allow;
    case "work_items.manage":
      if (role === roleIds.engineering || grant.administers) return allow;
      return refuse(
        "product_group_only",
        `Only the product group (${context.roleName(roleIds.engineering)}) and Admins create, edit and ship work items; you are signed in as ${roleName}.`,
        "Ask the product group or an Admin; everyone who reads reports sees the roadmap.",
      );
    case "users.manage":
    case "playbook.edit":
    case "audit.export":
    case "portfolio.sync":
    case "jobs.manage":
    case "webhooks.manage":
    case "resolvers.manage":
      if (grant.administers) return allow;
      return refuse(
        "admin_only",
        `Only an Admin may ${adminWork[action.type]}; you are signed in as ${roleName}.`,
        "Ask an Admin.",
      );
  }
}

const adminWork = {
  "users.manage": "manage users",
  "playbook.edit": "change the playbook",
  "audit.export": "read and export the audit trail",
  "portfolio.sync": "sync the portfolio feed",
  "jobs.manage": "list and retry background jobs",
  "webhooks.manage": "manage webhooks",
  "resolvers.manage": "change who belongs to a resolver group",
} as const;

function readTenant(context: PolicyContext, role: string, access: Access): Decision {
  const grant = grantOf(role);
  const roleName = context.roleName(role);
  if (grant.reach === "aggregate") {
    return refuse(
      "aggregate_only",
      `The ${roleName} role reads blocker reports across all tenants, never a single tenant's rows.`,
      "Use the reports; people assigned to the tenant can read its rows.",
    );
  }
  if (grant.reach === "all" || access.via !== "none") return allow;
  return refuse(
    "not_assigned",
    `You are not assigned to this tenant or to its customer; a ${roleName} reads only those.`,
    "A Team Lead, an Admin or the tenant's primary FM can assign you.",
    grant.external,
  );
}

function notAssignedToWrite(context: PolicyContext, role: string): Decision {
  const grant = grantOf(role);
  return refuse(
    "not_assigned",
    `You are not assigned to this tenant or to its customer, and a ${context.roleName(role)} changes only those.`,
    "A Team Lead, an Admin or the tenant's primary FM can assign you.",
    grant.external,
  );
}

function stageName(stage: Stage): string {
  return stage === "assignment" ? "Assignment" : "Delivery";
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The refusal as one sentence pair for problem details and CLI errors. */
export function refusalMessage(decision: Decision): string {
  return decision.allowed ? "" : `${decision.reason} ${decision.instead}`;
}
