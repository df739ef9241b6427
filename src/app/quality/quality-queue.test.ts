import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, putSegments, type SegmentSeed } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { AppError } from "../../domain/app-error.ts";
import type { QualityRuleId } from "../../domain/quality/quality-rules.ts";
import type { QualityAnswer } from "../../http/schemas/quality.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { syncPortfolio } from "../feed/sync-portfolio.ts";
import { findUserByEmail } from "../users/find-user.ts";
import { judgeUnjudgedNotes } from "./judge-unjudged-notes.ts";
import { listQualityItems } from "./list-quality-items.ts";
import { personQualityItems } from "./person-quality-items.ts";

const today = new Date("2025-03-12T15:30:00.000Z");
const examples = join(import.meta.dirname, "../../../examples/feed");
const tenant = (n: number) => `6f1c2a9e-3b7d-4e21-9c55-0a1b2c3d4e0${n}`;

let database: TestDatabase;
let deps: AppDeps;
let admin: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database, today);
  admin = await createUser(database.db, { role: "admin" });
  const synced = await syncPortfolio(deps, {
    folder: examples,
    actor: admin,
    dryRun: false,
    full: false,
    partial: false,
    allowMassEnd: false,
  });
  expect(synced.applied).toBe(true);
  // The feed stamps entitlements with the real clock: put every status's last change yesterday.
  await database.execute("update entitlements set updated_at = '2025-03-11T10:00:00Z'");
});
afterAll(() => database.close());

async function person(email: string): Promise<Actor> {
  const user = await findUserByEmail(deps, email);
  if (!user) throw new Error(`no user ${email}`);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

async function entitlementOf(feedTenantId: string, serviceId: string): Promise<string> {
  const { rows } = await database.execute(
    `select e.id::text as id from entitlements e join tenants t on t.id = e.tenant_id
      where t.external_id = '${feedTenantId}' and e.service_id = '${serviceId}'`,
  );
  if (!rows[0]) throw new Error(`no ${serviceId} at ${feedTenantId}`);
  return String(rows[0].id);
}

/**
 * Replaces an entitlement's segments as a status change would: a new version,
 * changed at `changedAt`, adding up again (no rules run: the stored data is what is judged).
 */
async function record(id: string, segments: SegmentSeed[], changedAt = "2025-03-11T10:00:00Z") {
  await database.execute(`delete from status_segments where entitlement_id = '${id}'`);
  await putSegments(database.db, id, segments);
  await database.execute(
    `update entitlements set version = version + 1, updated_at = '${changedAt}', resplit_needed = false,
      available_seats = ${segments.reduce((sum, s) => sum + s.seats, 0)} where id = '${id}'`,
  );
}

const itemsOf = (answer: QualityAnswer, rule: QualityRuleId, id: string) =>
  answer.items.filter((item) => item.rule === rule && item.entitlementId === id);

const good = {
  l2: "customer_it_infrastructure_remediation",
  note: "Blocked: the customer's proxy breaks Exchange Online authentication and their network team cannot change it until the new firewall is installed in May.",
};

interface Case {
  rule: QualityRuleId;
  at: [number, string];
  broken: SegmentSeed[];
  changedAt?: string;
  fixed: SegmentSeed[];
  detail: RegExp;
}

const cases: Case[] = [
  {
    rule: "next_action_passed",
    at: [1, "exchange"],
    broken: [{ seats: 100, l1: "in_progress", l2: "deploying", nextActionDate: "2025-03-05" }],
    fixed: [{ seats: 100, l1: "in_progress", l2: "deploying", nextActionDate: "2025-03-20" }],
    detail: /next action was due 5 Mar 2025, 7 days ago/,
  },
  {
    rule: "blocked_target_passed",
    at: [1, "teams"],
    broken: [{ seats: 100, l1: "blocked", ...good, targetDate: "2025-03-01" }],
    fixed: [{ seats: 100, l1: "blocked", ...good, targetDate: "2025-04-01" }],
    detail: /target date 1 Mar 2025 passed 11 days ago/,
  },
  {
    rule: "unknown_unchanged",
    at: [1, "sharepoint"],
    broken: [{ seats: 100, l1: "status_unknown", l2: "customer_unresponsive" }],
    changedAt: "2025-02-10T09:00:00Z",
    fixed: [{ seats: 100, l1: "status_unknown", l2: "customer_unresponsive" }],
    detail: /unchanged since 10 Feb 2025 \(30 days\)/,
  },
  {
    rule: "note_grade",
    at: [1, "intune"],
    broken: [{ seats: 100, l1: "blocked", l2: good.l2, note: "Blocked." }],
    fixed: [{ seats: 100, l1: "blocked", ...good }],
    detail: /The note is poor\./,
  },
  {
    rule: "suggest_disagrees",
    at: [2, "exchange"],
    broken: [
      {
        seats: 100,
        l1: "blocked",
        l2: "customer_it_infrastructure_remediation",
        note: "Blocked: the legacy CRM add-in is not compatible with the new Outlook, so the customer cannot move mailboxes until the vendor ships a fix.",
      },
    ],
    fixed: [
      {
        seats: 100,
        l1: "blocked",
        l2: "app_compatibility",
        note: "Blocked: the legacy CRM add-in is not compatible with the new Outlook, so the customer cannot move mailboxes until the vendor ships a fix.",
      },
    ],
    detail: /Suggest reads Blocked › App Compatibility/,
  },
  {
    rule: "owner_unresolved",
    at: [2, "teams"],
    broken: [{ seats: 100, l1: "in_progress", l2: "deploying", owner: "Somebody Nobody Knows" }],
    fixed: [{ seats: 100, l1: "in_progress", l2: "deploying", owner: "Marco Bianchi" }],
    detail: /"Somebody Nobody Knows" names no person or team/,
  },
];

describe("the data-quality queue", () => {
  it.each(cases)("lists $rule while it holds and drops it once fixed", async (c) => {
    const id = await entitlementOf(tenant(c.at[0]), c.at[1]);
    await record(id, c.broken, c.changedAt);
    const before = await listQualityItems(deps, admin, {});
    const found = itemsOf(before, c.rule, id);
    expect(found).toHaveLength(1);
    expect(found[0]!.detail).toMatch(c.detail);
    expect(found[0]!.link).toMatch(new RegExp(`^/tenants/[0-9a-f-]{36}\\?edit=${id}$`));
    expect(before.counts.byRule[c.rule]).toBeGreaterThanOrEqual(1);

    if (c.rule === "owner_unresolved") {
      // Resolved as a write resolves it: the person, by name.
      await record(id, c.fixed);
      const marco = await person("marco.bianchi@example.com");
      await database.execute(
        `update status_segments set owner_user_id = '${marco.id}' where entitlement_id = '${id}'`,
      );
    } else await record(id, c.fixed);
    const after = await listQualityItems(deps, admin, {});
    expect(itemsOf(after, c.rule, id)).toEqual([]);
  });

  it("lists a team nobody of the customer has as an owner resolving to nobody", async () => {
    const id = await entitlementOf(tenant(1), "exchange");
    await record(id, [{ seats: 100, l1: "in_progress", l2: "deploying" }]);
    // Samuel, the only FastTrack Engineer, is assigned to Contoso Europe, not to Contoso.
    await database.execute(
      `update status_segments set owner = 'FastTrack Engineer', owner_team = 'fasttrack_engineer' where entitlement_id = '${id}'`,
    );
    const found = itemsOf(await listQualityItems(deps, admin, {}), "owner_unresolved", id);
    expect(found.map((item) => item.owner.display)).toEqual(["FastTrack Engineer (team)"]);
    await database.execute(
      `update status_segments set owner = 'Delivery FM', owner_team = 'delivery_fm' where entitlement_id = '${id}'`,
    );
    expect(itemsOf(await listQualityItems(deps, admin, {}), "owner_unresolved", id)).toEqual([]);
  });

  it("lists a split a seat change left short, and usage that contradicts the status", async () => {
    const id = await entitlementOf(tenant(1), "exchange");
    await record(id, [
      { seats: 6000, l1: "no_intent", l2: "using_competitive_solution", note: "x" },
      { seats: 6000, l1: "in_progress", l2: "deploying" },
    ]);
    await database.execute(
      `update entitlements set resplit_needed = true, available_seats = 12500 where id = '${id}'`,
    );
    const before = await listQualityItems(deps, admin, {});
    expect(itemsOf(before, "resplit_needed", id).map((item) => item.detail)).toEqual([
      "The available seats changed to 12,500 and the split's segments hold 12,000: split the status again.",
    ]);
    // The newest point has 11,040 seats active: over Operate's 10% and more than the 6,000 In Progress.
    const usage = itemsOf(before, "usage_contradicts", id);
    expect(usage.map((item) => [item.data.kind, item.position, item.segment?.l1])).toEqual([
      ["active_while_halted", 0, "no_intent"],
    ]);
    await record(id, [{ seats: 12000, l1: "in_progress", l2: "deploying" }]);
    const after = await listQualityItems(deps, admin, {});
    expect(itemsOf(after, "resplit_needed", id)).toEqual([]);
    expect(itemsOf(await listQualityItems(deps, admin, {}), "usage_contradicts", id)).toEqual([]);
  });
});

describe("who sees which items", () => {
  it("shows a Partner only its tenants' items, and refuses Engineering", async () => {
    const partnerTenant = await entitlementOf(tenant(5), "exchange");
    const other = await entitlementOf(tenant(4), "exchange");
    const overdue = [{ seats: 10, l1: "in_progress", l2: "deploying", nextActionDate: "2025-03-01" }];
    await record(partnerTenant, overdue);
    await record(other, overdue);
    const oliver = await person("oliver.grant@partner.example");
    const seen = await listQualityItems(deps, oliver, {});
    expect(seen.items.length).toBeGreaterThan(0);
    expect(new Set(seen.items.map((item) => item.tenant.id)).size).toBe(1);
    expect(seen.items.map((item) => item.entitlementId)).toContain(partnerTenant);
    expect(seen.items.map((item) => item.entitlementId)).not.toContain(other);
    const all = await listQualityItems(deps, admin, {});
    expect(all.items.map((item) => item.entitlementId)).toContain(other);

    const engineer = await createUser(database.db, { role: "engineering" });
    await expect(listQualityItems(deps, engineer, {})).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lists one person's items for owner=me and the digest alike", async () => {
    const marco = await person("marco.bianchi@example.com");
    const mine = await listQualityItems(deps, marco, { owner: "me" });
    const tenants = new Set(mine.items.map((item) => item.customer.name));
    expect([...tenants].every((name) => ["Contoso Ltd", "Fabrikam Inc"].includes(name))).toBe(true);
    expect(mine.total).toBeGreaterThan(0);
    const digest = await personQualityItems(deps, marco.id, { limit: 100 });
    expect(digest.total).toBe(mine.total);
    expect(digest.items.map((item) => [item.rule, item.entitlementId])).toEqual(
      mine.items.map((item) => [item.rule, item.entitlementId]),
    );
    const engineer = await createUser(database.db, { role: "engineering" });
    expect((await personQualityItems(deps, engineer.id)).total).toBe(0);
  });

  it("counts by rule under the owner filter and by owner under the rule filter", async () => {
    const answer = await listQualityItems(deps, admin, { rule: "next_action_passed" });
    expect(answer.items.every((item) => item.rule === "next_action_passed")).toBe(true);
    expect(answer.total).toBe(answer.counts.byRule.next_action_passed);
    expect(answer.counts.byOwner.reduce((sum, owner) => sum + owner.count, 0)).toBe(answer.total);
    const page = await listQualityItems(deps, admin, { limit: 1, offset: 1 });
    const full = await listQualityItems(deps, admin, {});
    expect(page.items.map((item) => item.entitlementId)).toEqual([full.items[1]!.entitlementId]);
  });

  it("refuses a filter it cannot read, naming the field", async () => {
    const refused = async (input: Parameters<typeof listQualityItems>[2]) => {
      const error = await listQualityItems(deps, admin, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).violations?.map((v) => [v.field, v.code]);
    };
    expect(await refused({ team: "Wizards" })).toEqual([["team", "team_unknown"]]);
    expect(await refused({ owner: "00000000-0000-4000-8000-000000000000" })).toEqual([
      ["owner", "owner_unknown"],
    ]);
    expect(await refused({ owner: "nobody" })).toEqual([["owner", "id_invalid"]]);
    expect(await refused({ rule: "made_up" as QualityRuleId })).toEqual([["rule", "rule_invalid"]]);
  });
});

describe("judging notes", () => {
  it("judges what the read's budget leaves in later reads, and counts what is pending", async () => {
    const { rows } = await database.execute(
      `select e.id::text as id from entitlements e join tenants t on t.id = e.tenant_id
        where t.external_id = '${tenant(3)}'`,
    );
    const ids = rows.map((row) => String(row.id));
    expect(ids.length).toBe(3);
    for (const id of ids) await record(id, [{ seats: 10, l1: "blocked", l2: good.l2, note: "Blocked." }]);
    const scope = { visibleTo: { kind: "all" as const } };
    const first = await judgeUnjudgedNotes(deps, scope, 1);
    expect(first.judged).toBe(1);
    expect(first.pending).toBeGreaterThanOrEqual(2);
    await judgeUnjudgedNotes(deps, scope, 1000);
    expect(await judgeUnjudgedNotes(deps, scope, 1000)).toEqual({ judged: 0, pending: 0 });
  });
});
