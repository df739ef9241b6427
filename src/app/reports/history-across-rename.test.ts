import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { defaultPlaybookPath, writeServiceHealthRename } from "../../../test/support/default-playbook.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { applyPlaybook } from "../playbook/apply-playbook.ts";
import { clearPlaybookCache, loadPlaybook } from "../playbook/load-playbook.ts";
import { recordPlaybookAtStart } from "../playbook/record-playbook-at-start.ts";
import { comparePortfolio } from "./compare-portfolio.ts";
import { getL1Flow } from "./l1-flow.ts";
import { getRecentChanges } from "./recent-changes.ts";

/**
 * Compare, the L1 flow and the recent changes read history in today's
 * taxonomy: an L2 renamed by a playbook version (a remap row on 10 March) is
 * no move between L2s, while a real move the same day still is.
 */
const folder = mkdtempSync(join(tmpdir(), "unblock-history-rename-"));
const renamedPath = writeServiceHealthRename(folder);

let database: TestDatabase;
let deps: AppDeps & { setNow(date: Date): void };
let admin: Actor;
let renamed: string;
let moved: string;

/** A status written under playbook 1.0.0 on 3 February, as a status write leaves it. */
async function recordedUnder100(entitlementId: string, l2: string, seats: number) {
  const segment = {
    seats,
    l1: "blocked",
    scenarioId: "blocked_delivery",
    l2,
    l3: null,
    l1Since: "2025-02-03T10:00:00Z",
  };
  await database.db.execute(
    sql`insert into status_history (entitlement_id, at, actor_role, source, playbook_version, version_after, before, after)
        values (${entitlementId}::uuid, '2025-02-03T10:00:00Z', 'delivery_fm', 'web', '1.0.0', 1,
          ${JSON.stringify({ stage: "assignment", availableSeats: seats, segments: [] })}::jsonb,
          ${JSON.stringify({ stage: "assignment", availableSeats: seats, segments: [segment] })}::jsonb)`,
  );
}

beforeAll(async () => {
  database = await openTestDatabase();
  clearPlaybookCache();
  deps = await makeTestDeps(database);
  admin = await createUser(database.db, { role: "admin" });
  const startedOn = loadPlaybook(defaultPlaybookPath);
  deps.playbook = { index: startedOn.index, path: startedOn.path, sha256: startedOn.sha256 };
  await recordPlaybookAtStart(deps, startedOn);
  const blocked = (l2: string, seats: number) => [
    { seats, l1: "blocked", scenarioId: "blocked_delivery", l2 },
  ];
  renamed = (
    await createEntitlement(database.db, {
      serviceId: "exchange",
      segments: blocked("service_reliability", 40),
    })
  ).id;
  moved = (
    await createEntitlement(database.db, { serviceId: "teams", segments: blocked("legal_regulatory", 7) })
  ).id;
  await recordedUnder100(renamed, "service_reliability", 40);
  await recordedUnder100(moved, "legal_regulatory", 7);
  const applied = await applyPlaybook(
    deps,
    { actor: admin, source: "cli" },
    { candidate: { path: renamedPath } },
  );
  expect(applied).toMatchObject({ applied: true, remappedStatuses: 1 });
  // A real move between L2s on the day of the rename, under the new version.
  await database.db.execute(
    sql`insert into status_history (entitlement_id, at, actor_role, source, playbook_version, version_after, before, after)
        select entitlement_id, '2025-03-10T08:00:00Z', 'delivery_fm', 'web', '1.1.0', 2, after,
          jsonb_set(after, '{segments,0,l2}', '"service_health"') from status_history where entitlement_id = ${moved}::uuid`,
  );
}, 120_000);
afterAll(async () => {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("history across an L2 rename", () => {
  it("compare lists the real move and not the rename", async () => {
    const answer = await comparePortfolio(deps, admin, { from: "2025-02-20", to: "2025-03-10" });
    const changes = answer.groups.flatMap((group) => group.changes);
    expect(
      changes.map((change) => [
        change.entitlementId,
        change.kind,
        change.fromL2Name,
        change.toL2Name,
        change.seats,
      ]),
    ).toEqual([[moved, "moved_l2", "Legal/Regulatory", "Service Health", 7]]);
    expect(answer.totals).toMatchObject({
      movedSeats: 7,
      newlyBlockedSeats: 0,
      unblockedSeats: 0,
      entitlements: 1,
    });
  });

  it("the flow keeps the renamed seats Blocked", async () => {
    const flow = await getL1Flow(deps, admin, { from: "2025-02-20", to: "2025-03-10" });
    expect(flow.items.map((row) => [row.fromL1, row.toL1, row.seats])).toEqual([["blocked", "blocked", 47]]);
  });

  it("recent changes name the L2s of older rows in today's taxonomy, a remap as it moved", async () => {
    const { items } = await getRecentChanges(deps, admin);
    const l2s = (id: string) =>
      items
        .filter((item) => item.entitlementId === id)
        .map(
          (item) =>
            `${item.source}: ${item.before.map((s) => s.l2).join()} -> ${item.after.map((s) => s.l2).join()}`,
        );
    expect(l2s(renamed)).toEqual(["remap: service_reliability -> service_health", "web:  -> service_health"]);
    expect(l2s(moved)).toEqual(["web: legal_regulatory -> service_health", "web:  -> legal_regulatory"]);
  });
});
