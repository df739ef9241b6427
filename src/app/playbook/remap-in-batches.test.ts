import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { defaultPlaybookPath, writeServiceHealthRename } from "../../../test/support/default-playbook.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import { rowsOf } from "../../db/infra/raw-rows.ts";
import { findEntitlementView } from "../../db/repositories/entitlement-repository.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { applyPlaybook } from "./apply-playbook.ts";
import { clearPlaybookCache, loadPlaybook } from "./load-playbook.ts";
import { recordPlaybookAtStart } from "./record-playbook-at-start.ts";

/**
 * The remap commits batch by batch (docs/PLAYBOOK-VERSIONS.md): an apply
 * stopped after its first batch leaves that batch remapped and the old version
 * in use, and applying the file again finishes it. Each status is written as a
 * status write would: version + 1, Blocked keys, a history row whose before and
 * after are the status as read, and a webhook event.
 */
const folder = mkdtempSync(join(tmpdir(), "unblock-remap-batches-"));
const declaredPath = writeServiceHealthRename(folder, "declared.yaml");

let database: TestDatabase;
let deps: AppDeps;
let admin: Actor;
let ids: string[];

beforeAll(async () => {
  database = await openTestDatabase();
  clearPlaybookCache();
  deps = await makeTestDeps(database);
  admin = await createUser(database.db, { role: "admin" });
  const startedOn = loadPlaybook(defaultPlaybookPath);
  deps.playbook = { index: startedOn.index, path: startedOn.path, sha256: startedOn.sha256 };
  await recordPlaybookAtStart(deps, startedOn);
  ids = [];
  for (const serviceId of ["exchange", "teams", "sharepoint"]) {
    const row = await createEntitlement(database.db, {
      serviceId,
      segments: [
        { seats: 30, l1: "blocked", scenarioId: "blocked_delivery", l2: "service_reliability", l3: "other" },
        { seats: 5, l1: "blocked", scenarioId: "blocked_delivery", l2: "legal_regulatory" },
      ],
    });
    ids.push(row.id);
  }
  ids.sort();
  await database.db.execute(
    sql`insert into webhook_subscriptions (url, events, secret) values ('https://example.test/hook', '{status.changed}', 'whsec_x')`,
  );
});
afterAll(async () => {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

const apply = (hooks?: Parameters<typeof applyPlaybook>[2]["hooks"]) =>
  applyPlaybook(
    deps,
    { actor: admin, source: "cli" },
    { candidate: { path: declaredPath }, ...(hooks ? { hooks } : {}) },
  );

async function counts() {
  const [row] = await rowsOf<Record<string, number>>(
    database.db,
    sql`select (select count(*)::int from status_segments where l2 = 'service_health') as moved,
          (select count(*)::int from status_history where source = 'remap') as history,
          (select count(*)::int from webhook_events where payload->'data'->>'source' = 'remap') as events,
          (select count(*)::int from audit_log where action = 'playbook.apply') as audit,
          (select count(*)::int from playbook_versions where version = '1.1.0') as versions`,
  );
  return row;
}

describe("a remap in batches", () => {
  it("stopped after its first batch keeps that batch and the old version; applied again, it finishes", async () => {
    let batches = 0;
    const stopped = apply({
      batchSize: 1,
      afterRead: async () => {
        if (++batches === 2) throw new Error("killed");
      },
    });
    await expect(stopped).rejects.toThrow("killed");
    expect(await counts()).toEqual({ moved: 1, history: 1, events: 1, audit: 0, versions: 0 });
    const again = await apply({ batchSize: 1 });
    expect(again).toMatchObject({ applied: true, conflictsRetried: 0, version: { remappedStatuses: 2 } });
    expect(await counts()).toEqual({ moved: 3, history: 3, events: 3, audit: 1, versions: 1 });
  });

  it("writes each status as a status write: version, Blocked keys, history before and after", async () => {
    const view = await findEntitlementView(database.db, ids[0]!);
    expect(view?.version).toBe(2);
    const [entitlement] = await rowsOf<{ keys: string[] }>(
      database.db,
      sql`select blocked_keys as keys from entitlements where id = ${ids[0]}::uuid`,
    );
    expect([...entitlement!.keys].sort()).toEqual(
      [`${view!.service.id}/legal_regulatory`, `${view!.service.id}/service_health`].sort(),
    );
    const [history] = await rowsOf<{ before: { segments: object[] }; after: { segments: object[] } }>(
      database.db,
      sql`select before, after from status_history where entitlement_id = ${ids[0]}::uuid and source = 'remap'`,
    );
    const asStored = view!.segments.map(({ ownerResolved: _, ...segment }) => segment);
    expect(history!.after.segments).toEqual(asStored);
    expect(history!.before.segments).toEqual(
      asStored.map((segment) =>
        segment.l2 === "service_health" ? { ...segment, l2: "service_reliability" } : segment,
      ),
    );
  });
});

describe("after a remap", () => {
  it("leaves the planner statistics knowing the new L2, not the old one", async () => {
    // Nothing else analyses here: without the apply's ANALYZE there are no statistics at all.
    const [row] = await rowsOf<{ values: string | null }>(
      database.db,
      sql`select most_common_vals::text as values from pg_stats
          where schemaname = current_schema() and tablename = 'status_segments' and attname = 'l2'`,
    );
    expect(row?.values ?? "").toContain("service_health");
    expect(row?.values ?? "").not.toContain("service_reliability");
  });
});
