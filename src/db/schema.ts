import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * The relational model. Taxonomy values (L1/L2/L3, scenario rows, roles) are
 * stored as playbook ids in text columns, not foreign keys: the playbook is
 * versioned data loaded from a file, and history rows must keep the ids that
 * were valid when they were written.
 */

export const customers = pgTable(
  "customers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The customer's external top-parent id, unique across the portfolio. */
    externalId: text("external_id").notNull(),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("customers_external_id_key").on(t.externalId), index("customers_name_idx").on(t.name)],
);

export const tenants = pgTable(
  "tenants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The tenant's primary domain, unique: the natural key imports use. */
    domain: text("domain").notNull(),
    priority: text("priority").notNull().default("medium"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("tenants_domain_key").on(t.domain),
    index("tenants_customer_idx").on(t.customerId),
    check("tenants_priority_check", sql`${t.priority} in ('high', 'medium', 'low')`),
  ],
);

/** The service catalogue, synchronised from the playbook at start. */
export const services = pgTable("services", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  code: text("code").notNull(),
  family: text("family").notNull(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** Playbook role id (assignment_fm, delivery_fm, account_team, ...). */
    role: text("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

/** A user assigned to a customer (covers all its tenants) or to one tenant. */
export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    primary: integer("is_primary").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("assignments_user_idx").on(t.userId),
    index("assignments_tenant_idx").on(t.tenantId),
    index("assignments_customer_idx").on(t.customerId),
    check("assignments_target_check", sql`(${t.customerId} is null) <> (${t.tenantId} is null)`),
  ],
);

/** One tenant x service: the seats available and the engagement stage. */
export const entitlements = pgTable(
  "entitlements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    availableSeats: integer("available_seats").notNull(),
    stage: text("stage").notNull().default("assignment"),
    /** Optimistic concurrency: every write must name the version it read. */
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("entitlements_tenant_service_key").on(t.tenantId, t.serviceId),
    index("entitlements_service_idx").on(t.serviceId),
    index("entitlements_updated_idx").on(t.updatedAt, t.id),
    check("entitlements_seats_check", sql`${t.availableSeats} >= 0`),
    check("entitlements_stage_check", sql`${t.stage} in ('assignment', 'delivery')`),
  ],
);

/** The seats of an entitlement split into status segments; together they total the available seats. */
export const statusSegments = pgTable(
  "status_segments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entitlementId: uuid("entitlement_id")
      .notNull()
      .references(() => entitlements.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    seats: integer("seats").notNull(),
    l1: text("l1").notNull(),
    scenarioId: text("scenario_id").notNull(),
    l2: text("l2"),
    l3: text("l3"),
    serviceStatus: text("service_status"),
    engagementScenario: text("engagement_scenario"),
    targetDate: date("target_date", { mode: "string" }),
    owner: text("owner"),
    note: text("note").notNull().default(""),
    nextActionDate: date("next_action_date", { mode: "string" }),
    nextAction: text("next_action"),
    splitReason: text("split_reason"),
    /** When these seats entered their current L1 (kept across edits that keep the L1): drives aging. */
    l1Since: timestamp("l1_since", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("status_segments_entitlement_position_key").on(t.entitlementId, t.position),
    index("status_segments_l1_l2_idx").on(t.l1, t.l2, t.l3),
    index("status_segments_target_date_idx").on(t.targetDate),
    index("status_segments_next_action_date_idx").on(t.nextActionDate),
    index("status_segments_owner_idx").on(t.owner),
    check("status_segments_seats_check", sql`${t.seats} >= 0`),
  ],
);

/**
 * Every status change, append-only: the whole before and after of the
 * entitlement, who made it, and which playbook version judged it. A trigger
 * (see the migration) refuses UPDATE and DELETE.
 */
export const statusHistory = pgTable(
  "status_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    entitlementId: uuid("entitlement_id")
      .notNull()
      .references(() => entitlements.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    actorRole: text("actor_role").notNull(),
    source: text("source").notNull(),
    playbookVersion: text("playbook_version").notNull(),
    versionAfter: integer("version_after").notNull(),
    before: jsonb("before").notNull(),
    after: jsonb("after").notNull(),
    requestId: text("request_id"),
  },
  (t) => [
    index("status_history_entitlement_idx").on(t.entitlementId, t.at),
    index("status_history_at_idx").on(t.at),
  ],
);
