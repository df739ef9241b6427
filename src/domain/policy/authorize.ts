import { capitalise, say } from "../i18n/rule-text.ts";
import type { Stage } from "../playbook/playbook-schema.ts";
import { stageName } from "../rules/scenario-fields.ts";
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
  const { text } = context;
  const who = { role: context.roleName(role) };
  switch (action.type) {
    case "tenant.read":
      return readTenant(context, role, access);
    case "status.write":
      return writeStatus(context, role, action.stage, access);
    case "assignments.manage": {
      const read = readTenant(context, role, access);
      if (!read.allowed && read.concealed) return read;
      if (grant.assigns === "anywhere") return allow;
      if (grant.assigns === "where_primary") {
        const covering = action.level === "customer" ? access.via === "customer" : access.via !== "none";
        if (covering && access.primary) return allow;
        const target = say(
          text,
          action.level === "customer" ? "policy_target_customer" : "policy_target_tenant",
        );
        return refuse(
          "assign_needs_primary",
          say(text, "policy_assign_needs_primary", { ...who, target }),
          say(text, "policy_assign_needs_primary_instead"),
        );
      }
      return refuse(
        "assign_not_allowed",
        say(text, "policy_assign_not_allowed", who),
        say(text, "policy_assign_not_allowed_instead"),
      );
    }
    case "assignments.reassign":
      if (grant.assigns === "anywhere") return allow;
      return refuse(
        "assign_not_allowed",
        say(text, "policy_reassign_not_allowed", who),
        say(text, "policy_ask_lead_or_admin"),
      );
    case "reports.read":
      if (action.rows && grant.reach === "aggregate") {
        return refuse(
          "report_rows_hidden",
          say(text, "policy_report_rows_hidden", who),
          say(text, "policy_report_rows_hidden_instead"),
        );
      }
      if (action.oneCustomer && grant.reach === "aggregate") {
        return refuse(
          "aggregate_only",
          say(text, "policy_report_one_customer", who),
          say(text, "policy_report_one_customer_instead"),
        );
      }
      return allow;
    case "work_items.manage":
      if (role === roleIds.engineering || grant.administers) return allow;
      return refuse(
        "product_group_only",
        say(text, "policy_product_group_only", {
          ...who,
          engineering: context.roleName(roleIds.engineering),
        }),
        say(text, "policy_product_group_only_instead"),
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
        say(text, "policy_admin_only", { ...who, work: say(text, adminWork[action.type]) }),
        say(text, "policy_ask_admin"),
      );
  }
}

const adminWork = {
  "users.manage": "admin_work_users_manage",
  "playbook.edit": "admin_work_playbook_edit",
  "audit.export": "admin_work_audit_export",
  "portfolio.sync": "admin_work_portfolio_sync",
  "jobs.manage": "admin_work_jobs_manage",
  "webhooks.manage": "admin_work_webhooks_manage",
  "resolvers.manage": "admin_work_resolvers_manage",
} as const;

function writeStatus(context: PolicyContext, role: string, stage: Stage, access: Access): Decision {
  const grant = grantOf(role);
  const { text } = context;
  const who = { role: context.roleName(role) };
  const read = readTenant(context, role, access);
  if (!read.allowed) return read.rule === "not_assigned" ? notAssignedToWrite(context, role) : read;
  const writers = context.stageWriters[stage];
  if (!grant.writes) {
    return refuse(
      "read_only_role",
      say(text, "policy_read_only_role", who),
      capitalise(say(text, "policy_read_only_role_instead", { writers: rolesInWords(context, writers) })),
    );
  }
  if (role !== roleIds.admin && !writers.includes(role)) {
    const named = { ...who, writers: rolesInWords(context, writers), stage: stageName(stage, text) };
    return refuse(
      "stage_writer",
      say(text, "policy_stage_writer", named),
      say(text, "policy_stage_writer_instead", named),
    );
  }
  if (!grant.writesAnywhere && access.via === "none") return notAssignedToWrite(context, role);
  return allow;
}

function readTenant(context: PolicyContext, role: string, access: Access): Decision {
  const grant = grantOf(role);
  const { text } = context;
  const who = { role: context.roleName(role) };
  if (grant.reach === "aggregate") {
    return refuse(
      "aggregate_only",
      say(text, "policy_aggregate_only", who),
      say(text, "policy_aggregate_only_instead"),
    );
  }
  if (grant.reach === "all" || access.via !== "none") return allow;
  return refuse(
    "not_assigned",
    say(text, "policy_not_assigned_read", who),
    say(text, "policy_not_assigned_instead"),
    grant.external,
  );
}

/** Not assigned where a status is written; a role that writes nowhere is told so rather than where it would. */
function notAssignedToWrite(context: PolicyContext, role: string): Decision {
  const grant = grantOf(role);
  const { text } = context;
  const reason = grant.writes ? "policy_not_assigned_write" : "policy_not_assigned_read_only";
  return refuse(
    "not_assigned",
    say(text, reason, { role: context.roleName(role) }),
    say(text, "policy_not_assigned_instead"),
    grant.external,
  );
}

/** The refusal as one sentence pair for problem details and CLI errors. */
export function refusalMessage(decision: Decision): string {
  return decision.allowed ? "" : `${decision.reason} ${decision.instead}`;
}
