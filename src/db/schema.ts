import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
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
    segment: text("segment"),
    country: text("country"),
    /** Set when a full portfolio feed no longer names it: kept, out of default lists and reports. */
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("customers_external_id_key").on(t.externalId),
    index("customers_name_idx").on(t.name),
    index("customers_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    index("customers_external_id_trgm_idx").using("gin", t.externalId.op("gin_trgm_ops")),
  ],
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
    /** The licensing system's stable tenant id (the feed's tenant_id); null for tenants made otherwise. */
    externalId: text("external_id"),
    country: text("country"),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("tenants_domain_key").on(t.domain),
    uniqueIndex("tenants_external_id_key").on(t.externalId),
    // Imports look tenants up by domain whatever its case.
    index("tenants_domain_lower_idx").on(sql`lower(${t.domain})`),
    index("tenants_customer_idx").on(t.customerId),
    index("tenants_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    index("tenants_domain_trgm_idx").using("gin", t.domain.op("gin_trgm_ops")),
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
    /** Made by the portfolio feed: a full sync removes it when people.csv no longer names it. */
    fromFeed: boolean("from_feed").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("assignments_user_idx").on(t.userId),
    index("assignments_tenant_idx").on(t.tenantId),
    index("assignments_customer_idx").on(t.customerId),
    check("assignments_target_check", sql`(${t.customerId} is null) <> (${t.tenantId} is null)`),
  ],
);

/**
 * A user's named portfolio view: the portfolio's query string (filters and
 * sort), kept on the server so it follows its owner to any browser.
 */
export const savedViews = pgTable(
  "saved_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    query: text("query").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // One view per name and user, whatever the case: saving "Blocked EXO" again replaces "blocked exo".
  (t) => [uniqueIndex("saved_views_user_name_key").on(t.userId, sql`lower(${t.name})`)],
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
    purchasedSeats: integer("purchased_seats"),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    /** A feed changed the available seats and the split status's segments no longer add up to them. */
    resplitNeeded: boolean("resplit_needed").notNull().default(false),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    stage: text("stage").notNull().default("assignment"),
    /** Optimistic concurrency: every write must name the version it read. */
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id),
    /**
     * Summaries of the segments, kept by triggers on status_segments (see the
     * migration) in the same statement as any segment write, whoever writes:
     * the list sorts and filters on them through plain indexes instead of
     * aggregating every entitlement's segments per request.
     */
    blockedSeats: integer("blocked_seats").notNull().default(0),
    earliestTargetDate: date("earliest_target_date", { mode: "string" }),
    earliestNextActionDate: date("earliest_next_action_date", { mode: "string" }),
    /** "service/l2" of every Blocked segment ("service/" without an L2): Blocked by an L2 for a service in one index. */
    blockedKeys: text("blocked_keys").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex("entitlements_tenant_service_key").on(t.tenantId, t.serviceId),
    // The few entitlements a feed ended, which reports as of a day take back out of the history totals.
    index("entitlements_ended_idx").on(t.endedAt).where(sql`ended_at is not null`),
    // Serves the service filter in "updated" order; its prefix serves the services foreign key.
    index("entitlements_service_updated_idx").on(t.serviceId, t.updatedAt, t.id),
    index("entitlements_updated_idx").on(t.updatedAt, t.id),
    // The list sorts put entitlements without a date last: the same expression as the query's sort key.
    index("entitlements_target_date_idx").on(
      sql`coalesce(${t.earliestTargetDate}, '9999-12-31'::date)`,
      t.id,
    ),
    index("entitlements_next_action_date_idx").on(
      sql`coalesce(${t.earliestNextActionDate}, '9999-12-31'::date)`,
      t.id,
    ),
    index("entitlements_blocked_seats_idx").on(t.blockedSeats, t.id),
    index("entitlements_blocked_keys_idx").using("gin", t.blockedKeys),
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
    /** The owner as written: the display of an owner that resolved to no person or team. */
    owner: text("owner"),
    /** A person who owns the seats (docs/OWNERS.md); null when the owner is a team or text. */
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    /** A team owner: a playbook role id, meaning the customer's people with that role. */
    ownerTeam: text("owner_team"),
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
    index("status_segments_owner_idx").on(sql`lower(${t.owner})`),
    index("status_segments_owner_user_idx").on(t.ownerUserId),
    index("status_segments_owner_team_idx").on(t.ownerTeam),
    // No index on the note: a note edit, the most common change, then updates the row in place
    // (HOT). Free text searches note_search instead.
    check("status_segments_seats_check", sql`${t.seats} >= 0`),
  ],
);

/**
 * The notes of each entitlement's segments, one line each, for free-text
 * search (ILIKE '%word%' through the trigram index). Filled in the background
 * from note_search_pending (drizzle/0025), so a status write adds no trigram
 * entries; the search reads pending entitlements' notes from their segments.
 */
export const noteSearch = pgTable(
  "note_search",
  {
    entitlementId: uuid("entitlement_id").primaryKey(),
    notes: text("notes").notNull(),
  },
  // pg_trgm is created by the migration.
  (t) => [index("note_search_notes_trgm_idx").using("gin", t.notes.op("gin_trgm_ops"))],
);

/** Entitlements whose notes changed since note_search last took them; `seq` tells a later change apart. */
export const noteSearchPending = pgTable("note_search_pending", {
  entitlementId: uuid("entitlement_id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
});

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

/**
 * Active seats of a tenant's service on a date, as the licensing system's
 * usage export reports them: one compact row per tenant x service x date.
 */
export const usagePoints = pgTable(
  "usage_points",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    date: date("date", { mode: "string" }).notNull(),
    activeSeats: integer("active_seats").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.serviceId, t.date] }),
    check("usage_points_active_seats_check", sql`${t.activeSeats} >= 0`),
  ],
);

/**
 * One row per portfolio sync (dry runs too): who ran it, how, and what it
 * counted. A sync uploaded to the server is a job: its row is written when it
 * is queued and finished when it ends; one found queued or running when the
 * server starts was interrupted and is marked failed.
 */
export const portfolioSyncs = pgTable(
  "portfolio_syncs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email").notNull(),
    dryRun: boolean("dry_run").notNull(),
    full: boolean("full").notNull(),
    partial: boolean("partial").notNull(),
    allowMassEnd: boolean("allow_mass_end").notNull().default(false),
    /** queued, running, done or failed (the CLI writes its record done). */
    state: text("state").notNull().default("done"),
    /** Applied: false when refused (rejected rows, a mass end) or a dry run. */
    applied: boolean("applied").notNull(),
    /** The report: counts per file and the rejected rows; null until the sync is done. */
    report: jsonb("report"),
    /** Why a failed sync failed. */
    error: text("error"),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("portfolio_syncs_at_idx").on(t.at),
    check("portfolio_syncs_state_check", sql`${t.state} in ('queued', 'running', 'done', 'failed')`),
  ],
);

/**
 * Sign-in state of a user, kept beside the user record: a password hash
 * (scrypt, never the password), the failed sign-ins that lead to a temporary
 * lockout, and the version user edits are checked against.
 */
export const userAccounts = pgTable("user_accounts", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** `scrypt$N$r$p$salt$hash`; null until a password is set (token-only or not yet invited). */
  passwordHash: text("password_hash"),
  /** The password is the published demo password: only ever set by the demo seed. */
  demoPassword: boolean("demo_password").notNull().default(false),
  failedSignIns: integer("failed_sign_ins").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  /** A disabled user cannot sign in and its sessions and tokens stop working. */
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  /** Optimistic concurrency for edits of the user (name, role, password, disabled). */
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Keys every server process on this database must share, made by the first
 * one that needs each: the key that seals the OpenID Connect sign-in cookie,
 * so that a sign-in started on one server behind a load balancer can finish
 * on another, and survives a restart.
 */
export const serverKeys = pgTable("server_keys", {
  name: text("name").primaryKey(),
  /** base64url. */
  key: text("key").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Requests counted against a rate limit (sign-in attempts per client address
 * and route), here rather than in each server's memory so that several
 * servers behind a load balancer share one count.
 */
export const rateLimitHits = pgTable("rate_limit_hits", {
  /** The route and the client address. */
  key: text("key").primaryKey(),
  hits: integer("hits").notNull(),
  windowEndsAt: timestamp("window_ends_at", { withTimezone: true }).notNull(),
});

/** Server-side sessions behind the sign-in cookie. */
export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie's random token: the table never holds a usable session id. */
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Sent back as x-csrf-token on every cookie-authenticated write. */
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** Absolute end, whatever the activity. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** API tokens for the CLI and integrations; the token itself is shown once and only its hash is kept. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** The token's first characters, so a list can tell tokens apart without revealing them. */
    prefix: text("prefix").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_tokens_hash_key").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/**
 * Every write other than a status change (those are in status_history):
 * assignments, users, tokens, the playbook. Append-only: a trigger (see the
 * migration) refuses UPDATE, DELETE and TRUNCATE. The actor's email and role
 * are copied in, so the row reads the same after the user changes.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email").notNull(),
    actorRole: text("actor_role").notNull(),
    source: text("source").notNull(),
    /** What was done: assignment.create, user.update, token.create, playbook.load, ... */
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_target_idx").on(t.targetType, t.targetId)],
);

/*
 * Report aggregates, kept by triggers (drizzle/0005_report_aggregates.sql) in
 * the transaction of every write, so the portfolio-wide reports read a few
 * hundred rows instead of every Blocked segment. Writers append deltas (no
 * row is updated by two writers at once); readers add the deltas to the cells
 * and fold them in now and then. Keys: `service_id` '' is every service; in
 * k1/k2 '' stands for an empty L2 or L3.
 */

/** Blocked seats, segments and distinct tenants per report cell. */
export const reportCells = pgTable(
  "report_cells",
  {
    /** l2_service (k1 = L2), l3 (k1 = L2, k2 = L3), projected (k1 = ISO week's Monday), aging (k1 = bucket). */
    report: text("report").notNull(),
    serviceId: text("service_id").notNull(),
    k1: text("k1").notNull(),
    k2: text("k2").notNull(),
    seats: bigint("seats", { mode: "number" }).notNull().default(0),
    segments: integer("segments").notNull().default(0),
    tenants: integer("tenants").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.report, t.serviceId, t.k1, t.k2] })],
);

/** Changes to report_cells not yet folded in. */
export const reportCellDeltas = pgTable(
  "report_cell_deltas",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    report: text("report").notNull(),
    serviceId: text("service_id").notNull(),
    k1: text("k1").notNull(),
    k2: text("k2").notNull(),
    seats: bigint("seats", { mode: "number" }).notNull(),
    segments: integer("segments").notNull(),
    tenants: integer("tenants").notNull(),
  },
  (t) => [index("report_cell_deltas_report_idx").on(t.report, t.serviceId)],
);

/** Blocked segments per cell and tenant: a cell counts a tenant while this is above zero. */
export const reportCellTenants = pgTable(
  "report_cell_tenants",
  {
    report: text("report").notNull(),
    serviceId: text("service_id").notNull(),
    k1: text("k1").notNull(),
    k2: text("k2").notNull(),
    tenantId: uuid("tenant_id").notNull(),
    segments: integer("segments").notNull(),
  },
  (t) => [primaryKey({ columns: [t.report, t.serviceId, t.k1, t.k2, t.tenantId] })],
);

/** Change in Blocked seats and Blocked tenants per week (from the status history); summed up to a week it gives that week. */
export const blockedWeeks = pgTable(
  "blocked_weeks",
  {
    weekStart: date("week_start", { mode: "string" }).notNull(),
    serviceId: text("service_id").notNull(),
    seats: bigint("seats", { mode: "number" }).notNull().default(0),
    tenants: integer("tenants").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.weekStart, t.serviceId] })],
);

export const blockedWeekDeltas = pgTable(
  "blocked_week_deltas",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    weekStart: date("week_start", { mode: "string" }).notNull(),
    serviceId: text("service_id").notNull(),
    seats: bigint("seats", { mode: "number" }).notNull(),
    tenants: integer("tenants").notNull(),
  },
  (t) => [index("blocked_week_deltas_service_idx").on(t.serviceId)],
);

/** Blocked seats of each entitlement's latest history row: what the next history row changes. */
export const historyLatest = pgTable("history_latest", {
  entitlementId: uuid("entitlement_id").primaryKey(),
  tenantId: uuid("tenant_id").notNull(),
  serviceId: text("service_id").notNull(),
  at: timestamp("at", { withTimezone: true }).notNull(),
  historyId: bigint("history_id", { mode: "number" }).notNull(),
  blocked: integer("blocked").notNull(),
});

/** Blocked seats of each tenant per the latest history of its entitlements. */
export const historyTenantBlocked = pgTable("history_tenant_blocked", {
  tenantId: uuid("tenant_id").primaryKey(),
  blocked: bigint("blocked", { mode: "number" }).notNull(),
});

/**
 * Bookkeeping of the aggregates: `aging` holds the day its buckets count from;
 * `cells` and `weeks` are marked stale when a write could not be applied
 * incrementally (then the next report rebuilds them).
 */
export const reportState = pgTable("report_state", {
  name: text("name").primaryKey(),
  asOf: date("as_of", { mode: "string" }),
  stale: boolean("stale").notNull().default(false),
});

/**
 * History pre-shaped for reads of the past (docs/HISTORY.md, "Cost"), kept by
 * the history insert trigger (migration 0024): per UTC day, the change in
 * Blocked seats and segments of each written cell (service, playbook version,
 * L2, L3). Writers append; readers fold the rows (unblock_compact_history_facts).
 * An as-of total is the sum up to its day, read in today's taxonomy.
 */
export const blockedDayCells = pgTable(
  "blocked_day_cells",
  {
    day: date("day", { mode: "string" }).notNull(),
    serviceId: text("service_id").notNull(),
    version: text("version").notNull(),
    l2: text("l2"),
    l3: text("l3"),
    seats: bigint("seats", { mode: "number" }).notNull(),
    segments: integer("segments").notNull(),
  },
  // An as-of read takes the days since its month checkpoint.
  (t) => [index("blocked_day_cells_day_idx").on(t.day)],
);

/** Per UTC day, the change in entitlements holding Blocked seats, by the set of (L2, L3) they hold. */
export const blockedDayHolders = pgTable(
  "blocked_day_holders",
  {
    day: date("day", { mode: "string" }).notNull(),
    serviceId: text("service_id").notNull(),
    version: text("version").notNull(),
    /** Sorted [l2, l3] pairs: mapped to today's L2s on read, an entitlement counts once per L2. */
    pairs: jsonb("pairs").notNull(),
    holders: integer("holders").notNull(),
  },
  (t) => [index("blocked_day_holders_day_idx").on(t.day)],
);

/** Pieces of Blocked spells as the whole history has them (blockedPieces without an end): dwell times. */
export const blockedSpellPieces = pgTable(
  "blocked_spell_pieces",
  {
    entitlementId: uuid("entitlement_id").notNull(),
    tenantId: uuid("tenant_id").notNull(),
    serviceId: text("service_id").notNull(),
    l2: text("l2"),
    l3: text("l3"),
    since: date("since", { mode: "string" }).notNull(),
    endedOn: date("ended_on", { mode: "string" }),
    seats: integer("seats").notNull(),
    /** The playbook version of the spell's last row: dwell times read its L2 and L3 in today's taxonomy. */
    version: text("version"),
  },
  (t) => [
    index("blocked_spell_pieces_entitlement_idx").on(t.entitlementId),
    // A tenant's pieces, counted again for the dwell tallies; a person's dwell times.
    index("blocked_spell_pieces_tenant_idx").on(t.tenantId),
  ],
);

/**
 * Dwell tallies (migration 0030, docs/HISTORY.md "Cost"): the spell pieces of
 * open entitlements summed per written (version, L2, L3) by day Blocked and day
 * ended (null: still Blocked). Writers append; readers fold.
 */
export const blockedDwellSeats = pgTable("blocked_dwell_seats", {
  version: text("version"),
  l2: text("l2"),
  l3: text("l3"),
  since: date("since", { mode: "string" }).notNull(),
  endedOn: date("ended_on", { mode: "string" }),
  seats: bigint("seats", { mode: "number" }).notNull(),
});

/** The same per service. */
export const blockedDwellServiceSeats = pgTable("blocked_dwell_service_seats", {
  serviceId: text("service_id").notNull(),
  since: date("since", { mode: "string" }).notNull(),
  endedOn: date("ended_on", { mode: "string" }),
  seats: bigint("seats", { mode: "number" }).notNull(),
});

/**
 * Per tenant and group (`level` l2, l3 or service), the last day it held
 * Blocked seats there ('infinity' while it does); level `cohort`: the latest
 * day one of its spells began. Rebuilt per queued tenant by a reader.
 */
export const blockedDwellTenantDays = pgTable(
  "blocked_dwell_tenant_days",
  {
    tenantId: uuid("tenant_id").notNull(),
    level: text("level").notNull(),
    l2: text("l2"),
    l3: text("l3"),
    serviceId: text("service_id"),
    lastDay: date("last_day", { mode: "string" }).notNull(),
  },
  (t) => [
    index("blocked_dwell_tenant_days_tenant_idx").on(t.tenantId),
    // Tenants of the written groups that today's taxonomy merges, counted one by one.
    index("blocked_dwell_tenant_days_group_idx").on(t.level, t.l2, t.l3),
  ],
);

/** Tenants per group by their last day (the histogram of blocked_dwell_tenant_days): appended, folded. */
export const blockedDwellTenantCounts = pgTable("blocked_dwell_tenant_counts", {
  level: text("level").notNull(),
  l2: text("l2"),
  l3: text("l3"),
  serviceId: text("service_id"),
  lastDay: date("last_day", { mode: "string" }).notNull(),
  tenants: integer("tenants").notNull(),
});

/** Tenants whose pieces changed since a reader last counted them. */
export const blockedDwellDirty = pgTable("blocked_dwell_dirty", {
  tenantId: uuid("tenant_id").notNull(),
});

/**
 * Dwell durations (migration 0032): the seats of the tallies summed per group
 * (`level` l2 or l3: written version, L2, L3; or service) and duration, for the
 * window that starts on `blocked_dwell_window.from_day` and ends today. Kind
 * `open`: still Blocked, by day Blocked (`since`); `ended`: left Blocked on or
 * after that day, by days Blocked; `cohort`: began on or after it and left.
 * A read of that window sums a few thousand rows, however many (day Blocked,
 * day ended) pairs there are. Writers append; readers fold.
 */
export const blockedDwellDurations = pgTable(
  "blocked_dwell_durations",
  {
    kind: text("kind").notNull(),
    level: text("level").notNull(),
    version: text("version"),
    l2: text("l2"),
    l3: text("l3"),
    serviceId: text("service_id"),
    since: date("since", { mode: "string" }),
    days: integer("days"),
    seats: bigint("seats", { mode: "number" }).notNull(),
  },
  (t) => [index("blocked_dwell_durations_level_idx").on(t.level)],
);

/** The first day of the window blocked_dwell_durations holds (one row); a reader moves it. */
export const blockedDwellWindow = pgTable("blocked_dwell_window", {
  fromDay: date("from_day", { mode: "string" }).notNull(),
});

/**
 * The day cells and holders summed up to the start of each month (migration
 * 0026): an as-of read adds the days since the month began to its month's row.
 */
export const blockedMonthCells = pgTable(
  "blocked_month_cells",
  {
    month: date("month", { mode: "string" }).notNull(),
    serviceId: text("service_id").notNull(),
    version: text("version").notNull(),
    l2: text("l2"),
    l3: text("l3"),
    seats: bigint("seats", { mode: "number" }).notNull(),
    segments: integer("segments").notNull(),
  },
  (t) => [index("blocked_month_cells_month_idx").on(t.month)],
);

export const blockedMonthHolders = pgTable(
  "blocked_month_holders",
  {
    month: date("month", { mode: "string" }).notNull(),
    serviceId: text("service_id").notNull(),
    version: text("version").notNull(),
    pairs: jsonb("pairs").notNull(),
    holders: integer("holders").notNull(),
  },
  (t) => [index("blocked_month_holders_month_idx").on(t.month)],
);

/** `facts` stale: a bulk insert was not followed, the next read rebuilds; rows after the last fold. */
export const historyFactState = pgTable("history_fact_state", {
  name: text("name").primaryKey(),
  stale: boolean("stale").notNull().default(false),
  compactedRows: bigint("compacted_rows", { mode: "number" }).notNull().default(0),
});

/**
 * Indexes a bulk load dropped and has not built again yet. A large seed
 * commits its rows with this list and then builds the indexes on two
 * connections at once, each index in its own transaction with the removal of
 * its row; whatever an interrupted seed left here is built at the next start
 * (finishDeferredIndexes).
 */
export const deferredIndexes = pgTable("deferred_indexes", {
  name: text("name").primaryKey(),
  /** The indexed table, to build the indexes of larger tables first. */
  tableName: text("table_name").notNull(),
  /** The CREATE INDEX statement, as pg_get_indexdef gave it before the drop. */
  definition: text("definition").notNull(),
  deferredAt: timestamp("deferred_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Work the server runs outside a request (docs/JOBS.md): queued for now or a
 * later time, claimed by one runner with FOR UPDATE SKIP LOCKED and held by a
 * lease the runner renews while it runs; a lapsed lease lets another runner
 * claim it again. Failed attempts are queued again after a backoff until
 * max_attempts (or retry_until); then the job stays here as failed.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** The handler that runs it: webhook.deliver, mail.send, ... */
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull().default({}),
    state: text("state").notNull().default("queued"),
    runAt: timestamp("run_at", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(10),
    retryUntil: timestamp("retry_until", { withTimezone: true }),
    lockedBy: text("locked_by"),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    /** At most one job per key: a scheduled occurrence (kind@time), a webhook delivery. */
    key: text("key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("jobs_key_key").on(t.key),
    index("jobs_due_idx").on(t.runAt).where(sql`state = 'queued'`),
    index("jobs_lease_idx").on(t.lockedUntil).where(sql`state = 'running'`),
    index("jobs_state_idx").on(t.state, t.id),
    check("jobs_state_check", sql`${t.state} in ('queued', 'running', 'failed', 'done')`),
  ],
);

/** A URL an Admin subscribed to events (docs/WEBHOOKS.md). */
export const webhookSubscriptions = pgTable("webhook_subscriptions", {
  id: uuid("id").primaryKey().defaultRandom(),
  url: text("url").notNull(),
  /** Event types: status.changed, entitlement.blocked, ... */
  events: text("events").array().notNull(),
  /** whsec_<base64>: signs every delivery (Standard Webhooks). */
  secret: text("secret").notNull(),
  description: text("description").notNull().default(""),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The outbox: events written in the transaction (for status changes, the
 * statement) of the change they report, only while some subscription wants
 * their type. A rolled-back change leaves none; a committed one is sent.
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Standard Webhooks' webhook-id: the same on every attempt and redelivery. */
    messageId: text("message_id").notNull().default(sql`'msg_' || replace(gen_random_uuid()::text, '-', '')`),
    type: text("type").notNull(),
    entitlementId: uuid("entitlement_id"),
    payload: jsonb("payload").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("webhook_events_message_key").on(t.messageId)],
);

/** One event to one subscription: its state and its last attempt; each attempt in webhook_attempts. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: "cascade" }),
    eventId: bigint("event_id", { mode: "number" })
      .notNull()
      .references(() => webhookEvents.id, { onDelete: "cascade" }),
    /** Deliveries of one entitlement to one subscription go out in id order. */
    entitlementId: uuid("entitlement_id"),
    state: text("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastStatus: integer("last_status"),
    lastDurationMs: integer("last_duration_ms"),
    lastError: text("last_error"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("webhook_deliveries_subscription_idx").on(t.subscriptionId, t.id),
    index("webhook_deliveries_pending_idx")
      .on(t.subscriptionId, t.entitlementId, t.id)
      .where(sql`state = 'pending'`),
    check("webhook_deliveries_state_check", sql`${t.state} in ('pending', 'delivered', 'failed')`),
  ],
);

export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    deliveryId: bigint("delivery_id", { mode: "number" })
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** The receiver's HTTP status; null when none came (refused, timed out). */
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    error: text("error"),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId)],
);

/** A user's in-app inbox (docs/NOTIFICATIONS.md); each row is also e-mailed by a mail.send job. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** What it is about: no_intent_handover, ... */
    kind: text("kind").notNull(),
    entitlementId: uuid("entitlement_id").references(() => entitlements.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx").on(t.userId).where(sql`read_at is null`),
  ],
);

/**
 * A person's mail preferences (docs/DIGESTS.md). No row means the defaults:
 * UTC, a daily digest, immediate notices by mail.
 */
export const userPreferences = pgTable(
  "user_preferences",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    /** IANA name (Europe/Rome); null until the person or their browser chose one, and UTC is used. */
    timeZone: text("time_zone"),
    /** daily (07:00 local), weekly (Mondays at 07:00 local) or off. */
    digest: text("digest").notNull().default("daily"),
    /** Immediate notices (mail.send) by mail; the inbox keeps them either way. */
    noticeMail: boolean("notice_mail").notNull().default(true),
    /** The local date of the last digest sent: no second one for that date or an earlier one. */
    digestSentOn: date("digest_sent_on", { mode: "string" }),
    /** The language the app and the API speak to the person (en, de); null follows the browser's. */
    language: text("language"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("user_preferences_digest_check", sql`${t.digest} in ('daily', 'weekly', 'off')`)],
);

/**
 * A product work item (docs/ROADMAP.md): a feature or fix the product group
 * tracks elsewhere (externalUrl), linked to the Blocked L2 (and optionally an
 * L3 and services) whose seats it would unblock. Shipping it is done once:
 * shipped_at is set by the one update that finds it unset.
 */
export const workItems = pgTable(
  "work_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    externalUrl: text("external_url"),
    /** proposed, planned, in_development, shipped. */
    state: text("state").notNull().default("proposed"),
    /** Playbook ids of a Blocked L2 and, optionally, one of its L3s. */
    l2: text("l2").notNull(),
    l3: text("l3"),
    /** Only entitlements of these services are linked; empty: every service. */
    serviceIds: text("service_ids").array().notNull().default(sql`'{}'::text[]`),
    expectedDate: date("expected_date", { mode: "string" }),
    shippedDate: date("shipped_date", { mode: "string" }),
    /** When it was marked shipped: set once, so a second ship (web, API, hook) does nothing. */
    shippedAt: timestamp("shipped_at", { withTimezone: true }),
    /** Compare-and-set: every edit names the version it read. */
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("work_items_taxonomy_idx").on(t.l2, t.l3),
    index("work_items_external_url_idx").on(t.externalUrl),
    check("work_items_state_check", sql`${t.state} in ('proposed', 'planned', 'in_development', 'shipped')`),
    check(
      "work_items_shipped_check",
      sql`(${t.state} = 'shipped') = (${t.shippedAt} is not null and ${t.shippedDate} is not null)`,
    ),
  ],
);

/**
 * "Re-check: the fix shipped": one per work item, linked Blocked entitlement
 * and owner (a person, or each person of a team owner). Open while not
 * dismissed and the entitlement is still at the version it had at the ship;
 * any status change since closes it.
 */
export const recheckItems = pgTable(
  "recheck_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workItemId: uuid("work_item_id")
      .notNull()
      .references(() => workItems.id, { onDelete: "cascade" }),
    entitlementId: uuid("entitlement_id")
      .notNull()
      .references(() => entitlements.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The entitlement's version when the work item shipped. */
    entitlementVersion: integer("entitlement_version").notNull(),
    /** Its seats Blocked with the work item's L2/L3 then. */
    seats: integer("seats").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("recheck_items_key").on(t.workItemId, t.entitlementId, t.userId),
    index("recheck_items_open_idx").on(t.userId).where(sql`dismissed_at is null`),
    index("recheck_items_entitlement_idx").on(t.entitlementId),
  ],
);

/**
 * The note rules' judgments of an entitlement's segments at one version
 * (docs/QUALITY.md): the linter's grade and Suggest's reading cost about
 * 0.2 ms a segment, so they are kept rather than made on every read. Only a
 * row whose version and basis match the entitlement's and the app's counts;
 * any other is judged again, so a fixed note never shows an old finding.
 */
export const qualityNoteChecks = pgTable("quality_note_checks", {
  entitlementId: uuid("entitlement_id")
    .primaryKey()
    .references(() => entitlements.id, { onDelete: "cascade" }),
  version: integer("version").notNull(),
  /** What judged: the playbook's hash and the model's; another basis judges again. */
  basis: text("basis").notNull(),
  /** [{rule, position, data}] of note_grade and suggest_disagrees. */
  findings: jsonb("findings").notNull().default([]),
  checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
});

/** next_action.overdue raised once per entitlement and next action date (docs/WEBHOOKS.md). */
export const nextActionOverdueRaised = pgTable(
  "next_action_overdue_raised",
  {
    entitlementId: uuid("entitlement_id")
      .notNull()
      .references(() => entitlements.id, { onDelete: "cascade" }),
    nextActionDate: date("next_action_date", { mode: "string" }).notNull(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.entitlementId, t.nextActionDate] })],
);

/**
 * A resolver group (docs/ESCALATIONS.md): the playbook's "who resolves it"
 * for an L2, keyed by the name the playbook gives it. A row exists once an
 * Admin gave the group a member; the playbook decides which groups exist.
 */
export const resolverGroups = pgTable("resolver_groups", {
  name: text("name").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/** The people of a resolver group: they are told of its escalations and answer them. */
export const resolverGroupMembers = pgTable(
  "resolver_group_members",
  {
    groupName: text("group_name")
      .notNull()
      .references(() => resolverGroups.name, { onDelete: "cascade", onUpdate: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
    addedBy: uuid("added_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.groupName, t.userId] }),
    index("resolver_group_members_user_idx").on(t.userId),
  ],
);

/**
 * An entitlement escalated to the resolver group of one of its L2s, by a
 * person or by a playbook rule. The group name and L2 are kept as they were
 * when it was opened. `version` is the compare-and-set of its state changes.
 */
export const escalations = pgTable(
  "escalations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entitlementId: uuid("entitlement_id")
      .notNull()
      .references(() => entitlements.id, { onDelete: "cascade" }),
    groupName: text("group_name").notNull(),
    l1: text("l1").notNull(),
    l2: text("l2").notNull(),
    state: text("state").notNull().default("open"),
    message: text("message").notNull(),
    /** The playbook rule that raised it (target_slipped, blocked_too_long); null when a person did. */
    rule: text("rule"),
    /** A rule's message values ({days, from, to}): said again in each reader's language. Null: a person's, or older. */
    ruleValues: jsonb("rule_values"),
    /** The start of the Blocked spell a rule raised it for: a rule raises one per spell. */
    spellStart: timestamp("spell_start", { withTimezone: true }),
    /** The SLA: resolved by the end of this day (business days from the opening). */
    dueOn: date("due_on", { mode: "string" }).notNull(),
    openedBy: uuid("opened_by").references(() => users.id, { onDelete: "set null" }),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id, { onDelete: "set null" }),
    /** When it was resolved or declined, and by whom. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => users.id, { onDelete: "set null" }),
    declineReason: text("decline_reason"),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    // Once per entitlement, rule and Blocked spell, however many servers run the rules.
    uniqueIndex("escalations_rule_spell_key")
      .on(t.entitlementId, t.rule, t.spellStart)
      .where(sql`rule is not null`),
    // One escalation a person opened per entitlement and group waits at a time.
    uniqueIndex("escalations_active_key")
      .on(t.entitlementId, t.groupName)
      .where(sql`rule is null and state in ('open', 'acknowledged')`),
    index("escalations_group_state_idx").on(t.groupName, t.state, t.openedAt),
    index("escalations_state_idx").on(t.state, t.openedAt),
    index("escalations_entitlement_idx").on(t.entitlementId, t.openedAt),
    check("escalations_state_check", sql`${t.state} in ('open', 'acknowledged', 'resolved', 'declined')`),
    check(
      "escalations_rule_check",
      sql`${t.rule} is null or ${t.rule} in ('target_slipped', 'blocked_too_long')`,
    ),
  ],
);

/** Every state change and comment of an escalation, in order: its part of the entitlement's history. */
export const escalationEvents = pgTable(
  "escalation_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    escalationId: uuid("escalation_id")
      .notNull()
      .references(() => escalations.id, { onDelete: "cascade" }),
    entitlementId: uuid("entitlement_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** Null: the playbook rule that raised it. */
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    /** The message, comment or reason. */
    text: text("text").notNull().default(""),
  },
  (t) => [
    index("escalation_events_escalation_idx").on(t.escalationId, t.id),
    index("escalation_events_entitlement_idx").on(t.entitlementId, t.at),
    check(
      "escalation_events_kind_check",
      sql`${t.kind} in ('opened', 'acknowledged', 'resolved', 'declined', 'commented')`,
    ),
  ],
);

/**
 * The playbooks this database has run on (docs/PLAYBOOK-VERSIONS.md), oldest
 * first: the file's version and digest, from when it took effect, who applied
 * it, and the taxonomy changes it brought with how many statuses each moved.
 * The newest row is the playbook in use; history rows name its version. A
 * server records its file here at start when nothing needed remapping;
 * `playbook apply` records one after remapping the current statuses.
 */
export const playbookVersions = pgTable(
  "playbook_versions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    playbookId: text("playbook_id").notNull(),
    version: text("version").notNull(),
    /** SHA-256 (hex) of the file bytes. */
    sha256: text("sha256").notNull(),
    effectiveAt: timestamp("effective_at", { withTimezone: true }).notNull(),
    /** Null: the system (a server starting on the file). The email is copied so the row reads the same later. */
    appliedBy: uuid("applied_by"),
    appliedByEmail: text("applied_by_email").notNull(),
    /** start, cli, web, api. */
    source: text("source").notNull(),
    /** Where the file was read from (a path, or "upload:<name>"). */
    path: text("path").notNull(),
    /** The declared changes applied with this version, each with the statuses and seats it moved. */
    changes: jsonb("changes").notNull().default(sql`'[]'::jsonb`),
    /** Statuses (entitlements) whose segments this version remapped. */
    remappedStatuses: integer("remapped_statuses").notNull().default(0),
    /** The file as applied, so the taxonomy of any version can be read again. */
    content: text("content").notNull(),
  },
  (t) => [index("playbook_versions_effective_idx").on(t.effectiveAt, t.id)],
);
