import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGeneratedPortfolio } from "../../../test/factories/generated-portfolio.ts";
import { createUser } from "../../../test/factories/portfolio.ts";
import { defaultPlaybook } from "../../../test/support/default-playbook.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import {
  type OwnerFacts,
  type QualityRuleId,
  qualityFindings,
  qualityRulesOf,
} from "../../domain/quality/quality-rules.ts";
import { assessUsage } from "../../domain/usage/assess-usage.ts";
import type { EntitlementView } from "../../http/schemas/entitlements.ts";
import { loadEntitlementViews } from "../repositories/entitlement-repository.ts";
import { readQuality } from "../repositories/quality-repository.ts";

/**
 * The queue's SQL (quality-sql.ts) and the pure rules (domain/quality) judge
 * a varied portfolio alike: every rule but the note rules, whose judgments
 * are the pure judgeNotes' own, kept per version.
 */

const today = "2025-03-12";
const playbook = defaultPlaybook();
let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  const fm = await createUser(database.db, { role: "delivery_fm" });
  await loadGeneratedPortfolio(database, { tenants: 45, seed: 17, today, assignedUsers: [fm.id] });
  const run = (statement: string) => database.execute(statement);
  // Vary what the generated statuses lack: owners of every kind, old changes, seat changes, usage.
  await run(`update status_segments set owner = 'Somebody', owner_team = null, owner_user_id = null
    where (hashtext(id::text) % 7) = 0`);
  await run(`update status_segments set owner = 'Delivery FM', owner_team = 'delivery_fm', owner_user_id = null
    where (hashtext(id::text) % 7) = 1`);
  await run(`update status_segments set owner = '${fm.name}', owner_team = null, owner_user_id = '${fm.id}'
    where (hashtext(id::text) % 7) = 2`);
  await run(`update status_segments set owner = '  ', owner_team = null, owner_user_id = null
    where (hashtext(id::text) % 7) = 3`);
  await run(`update entitlements set updated_at = '2025-01-20T10:00:00Z' where (hashtext(id::text) % 5) = 0`);
  await run(`update entitlements set updated_at = '2025-02-10T23:59:00Z' where (hashtext(id::text) % 5) = 1`);
  await run(`update entitlements set resplit_needed = true, available_seats = available_seats + 7
    where (hashtext(id::text) % 9) = 0`);
  await run(`insert into usage_points (tenant_id, service_id, date, active_seats)
    select e.tenant_id, e.service_id, d.day, (abs(hashtext(e.id::text || d.day::text)) % (e.available_seats + 1))
      * (case when hashtext(e.id::text) % 4 = 0 then 0 else 1 end)
    from entitlements e cross join (values ('2024-12-01'::date), ('2025-01-01'), ('2025-02-01')) d(day)
    where (hashtext(e.id::text) % 3) <> 0`);
});
afterAll(() => database.close());

/** Data as text whatever the order of its keys (jsonb orders them its own way). */
const dataText = (data: Record<string, unknown> | null) =>
  JSON.stringify(Object.fromEntries(Object.entries(data ?? {}).sort(([a], [b]) => a.localeCompare(b))));

function ownerOf(segment: EntitlementView["segments"][number]): OwnerFacts {
  const resolved = segment.ownerResolved;
  if (!resolved || (resolved.kind === "text" && resolved.name.trim() === "")) return { kind: "none" };
  if (resolved.kind === "person") return { kind: "person" };
  if (resolved.kind === "team") return { kind: "team", people: resolved.people.length };
  return { kind: "text", text: resolved.name };
}

function pureKeys(view: EntitlementView): string[] {
  const segments = view.segments.map((segment, position) => ({
    position,
    seats: segment.seats,
    l1: segment.l1,
    l2: segment.l2,
    targetDate: segment.targetDate,
    nextActionDate: segment.nextActionDate,
    owner: ownerOf(segment),
  }));
  const usage = assessUsage(playbook, {
    availableSeats: view.availableSeats,
    segments: view.segments,
    usage: view.usage,
    today,
  });
  const findings = qualityFindings(
    playbook,
    {
      availableSeats: view.availableSeats,
      updatedOn: view.updatedAt.slice(0, 10),
      resplitNeeded: view.resplitNeeded,
      segments,
      contradictions: usage.contradictions.map((c) => c.kind),
    },
    today,
  );
  return findings.map((f) => `${view.id} ${f.rule} ${f.position} ${f.date} ${dataText(f.data)}`);
}

describe("the quality SQL", () => {
  it("finds what the pure rules find, rule by rule", async () => {
    const { rows } = await database.execute("select id::text as id from entitlements");
    const views = await loadEntitlementViews(
      database.db,
      rows.map((row) => String(row.id)),
    );
    const expected = views.flatMap(pureKeys).sort();
    const rules = qualityRulesOf(playbook);
    const found = await readQuality(database.db, {
      visibleTo: { kind: "all" },
      rules: { ...rules, noteGrade: { ...rules.noteGrade, enabled: false } },
      usage: playbook.usage,
      today,
      basis: "none",
      limit: 500,
      offset: 0,
    });
    const actual = found.items
      .map((i) => `${i.entitlementId} ${i.rule} ${i.position} ${i.date} ${dataText(i.data)}`)
      .sort();
    expect(found.total).toBeLessThanOrEqual(500);
    expect(actual).toEqual(expected);
    const byRule = (keys: string[], rule: QualityRuleId) =>
      keys.filter((k) => k.includes(` ${rule} `)).length;
    // Every rule the SQL mirrors has something to agree on.
    for (const rule of [
      "next_action_passed",
      "blocked_target_passed",
      "unknown_unchanged",
      "resplit_needed",
      "usage_contradicts",
      "owner_unresolved",
    ] as const) {
      expect(byRule(expected, rule), rule).toBeGreaterThan(0);
    }
  });
});
