import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { defaultPlaybookPath } from "../../../test/support/default-playbook.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Db } from "../../db/client.ts";
import { rowsOf } from "../../db/infra/raw-rows.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { getBlockedOverTimeByL2 } from "../reports/blocked-by-l2-over-time.ts";
import { getBlockedByL3 } from "../reports/blocked-by-l3.ts";
import { applyPlaybook } from "./apply-playbook.ts";
import { diffPlaybooks } from "./diff-playbooks.ts";
import { listPlaybookVersions } from "./list-playbook-versions.ts";
import { clearPlaybookCache, loadPlaybook } from "./load-playbook.ts";
import { recordPlaybookAtStart } from "./record-playbook-at-start.ts";

/**
 * The issue's example: a copy of the default playbook renames the L2
 * service_reliability. Without a `changes:` entry a server refuses it; with
 * one, apply moves the stored statuses, with history and an audit entry.
 */
const folder = mkdtempSync(join(tmpdir(), "unblock-playbook-versions-"));
const original = readFileSync(defaultPlaybookPath, "utf8");

/** The default playbook at 1.1.0 with the L2 renamed everywhere, and `changes` appended. */
function writeCopy(name: string, changes = ""): string {
  const renamed = original
    .replace(/^version: .*$/m, "version: 1.1.0")
    .replaceAll("service_reliability", "service_health")
    .replaceAll("Service Reliability", "Service Health");
  const path = join(folder, name);
  writeFileSync(path, `${renamed}\n${changes}`);
  return path;
}

const renamedPath = writeCopy("renamed.yaml");
const declaredPath = writeCopy(
  "declared.yaml",
  `changes:
  - kind: rename
    version: 1.1.0
    from: blocked/service_reliability
    to: blocked/service_health
    note: Service Reliability is called Service Health now
`,
);
const splitPath = writeCopy(
  "split.yaml",
  `changes:
  - kind: split
    version: 1.1.0
    from: blocked/service_reliability
    rule: Exchange reliability doubts are Service Health; on other services they are a missing capability
    into:
      - { to: blocked/service_health, services: [exchange] }
      - { to: blocked/product_feature_capability }
`,
);

let database: TestDatabase;
let deps: AppDeps & { setNow(date: Date): void };
let admin: Actor;
const blocked = (l2: string, seats: number, l3?: string) => ({
  seats,
  l1: "blocked",
  scenarioId: "blocked_delivery",
  l2,
  ...(l3 ? { l3 } : {}),
});

async function count(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, query);
  return row?.n ?? 0;
}

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A new database on the default playbook holding three service_reliability statuses and one other. */
async function startOnDefault(): Promise<string[]> {
  database = await openTestDatabase();
  clearPlaybookCache();
  deps = await makeTestDeps(database);
  admin = await createUser(database.db, { role: "admin" });
  const startedOn = loadPlaybook(defaultPlaybookPath);
  deps.playbook = { index: startedOn.index, path: startedOn.path, sha256: startedOn.sha256 };
  await recordPlaybookAtStart(deps, startedOn);
  const ids: string[] = [];
  for (const [service, seats] of [
    ["exchange", 40],
    ["teams", 10],
    ["sharepoint", 5],
  ] as const) {
    const row = await createEntitlement(database.db, {
      serviceId: service,
      segments: [blocked("service_reliability", seats, service === "teams" ? "other" : undefined)],
    });
    ids.push(row.id);
  }
  await createEntitlement(database.db, { segments: [blocked("legal_regulatory", 7)] });
  return ids;
}

// One database per story, its steps in order: a migrated database costs seconds on a shared machine.
describe("renaming an L2, step by step", () => {
  let reliability: string[];
  let previewBase: number | null = null;
  beforeAll(async () => {
    reliability = await startOnDefault();
    await recordedUnder100(reliability);
  });
  afterAll(() => database.close());

  it("refuses to start on the renamed copy, naming the L2, its statuses and the command", async () => {
    const error = await recordPlaybookAtStart(deps, loadPlaybook(renamedPath)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: "playbook_invalid" });
    const message = (error as Error).message;
    expect(message).toContain("blocked/service_reliability (2 statuses)");
    expect(message).toContain("blocked/service_reliability/other (1 status)");
    expect(message).toContain(`unblock playbook apply ${renamedPath}`);
    // A declared change not applied yet is refused too: it would otherwise never be applied.
    await expect(recordPlaybookAtStart(deps, loadPlaybook(declaredPath))).rejects.toThrow(
      /declares changes not applied.*unblock playbook apply/,
    );
  });

  it("diff counts each change's statuses and seats, and marks an undeclared removal", () => diffCounts());

  it("a dry run shows the statuses it would remap and changes nothing", async () => {
    const before = await snapshot();
    const result = await applyPlaybook(
      deps,
      { actor: admin, source: "web" },
      { candidate: { path: declaredPath }, dryRun: true },
    );
    expect(result).toMatchObject({ applied: false, dryRun: true, remappedStatuses: 3 });
    expect(result.sample.map((row) => `${row.serviceId} ${row.from} -> ${row.to}`)).toEqual([
      "exchange blocked/service_reliability -> blocked/service_health",
      "teams blocked/service_reliability/other -> blocked/service_health/other",
      "sharepoint blocked/service_reliability -> blocked/service_health",
    ]);
    expect(await snapshot()).toEqual(before);
    expect(deps.playbook.index.l2("blocked", "service_reliability")).toBeDefined();
    previewBase = result.baseVersionId;
  });

  it("apply keeps an edit made meanwhile, remaps with remap history rows, one audit entry and the version", () =>
    applyKeepsAnEditMadeMeanwhile(reliability[0]!));

  it(
    "reports name the new L2, never the raw id; the applied file starts; applying it again does nothing",
    reportsNameTheNewL2,
  );

  it(
    "counts the old history under the new name in a report as of a day before the rename",
    oldHistoryUnderTheNewName,
  );

  it(
    "reads the weekly trend in the current taxonomy: one line across the rename, two as recorded",
    oneLineAcrossTheRename,
  );

  it("refuses an apply whose preview saw another version in use", async () => {
    await expect(
      applyPlaybook(
        deps,
        { actor: admin, source: "web" },
        { candidate: { path: splitPath }, baseVersionId: previewBase },
      ),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("splitting an L2 by service", () => {
  let reliability: string[];
  beforeAll(async () => {
    reliability = await startOnDefault();
  });
  afterAll(() => database.close());

  it("refuses to apply a file that would leave values without a mapping", async () => {
    await expect(
      applyPlaybook(deps, { actor: admin, source: "cli" }, { candidate: { path: renamedPath } }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      violations: [
        expect.objectContaining({ field: "blocked/service_reliability", code: "unmapped_value" }),
        expect.objectContaining({ field: "blocked/service_reliability/other" }),
      ],
    });
  });

  it("sends Exchange to one L2 and the other services to another", async () => {
    const result = await applyPlaybook(
      deps,
      { actor: admin, source: "cli" },
      { candidate: { path: splitPath } },
    );
    expect(result.changes[0]).toMatchObject({ statuses: 3, seats: 55 });
    const rows = await rowsOf<{ service: string; l2: string; l3: string | null }>(
      database.db,
      sql`select e.service_id as service, s.l2, s.l3 from status_segments s join entitlements e on e.id = s.entitlement_id
          where e.id = any(${`{${reliability.join(",")}}`}::uuid[]) order by e.service_id`,
    );
    expect(rows).toEqual([
      { service: "exchange", l2: "service_health", l3: null },
      { service: "sharepoint", l2: "product_feature_capability", l3: null },
      { service: "teams", l2: "product_feature_capability", l3: "other" },
    ]);
  });
});

async function diffCounts() {
  const undeclared = await diffPlaybooks(deps, admin, {
    old: { path: defaultPlaybookPath },
    next: { path: renamedPath },
  });
  expect(undeclared.changes).toEqual([]);
  expect(undeclared.differences).toContainEqual(
    expect.objectContaining({
      kind: "removed",
      path: "blocked/service_reliability",
      declared: false,
      statuses: 3,
      seats: 55,
    }),
  );
  expect(undeclared.orphans.map((orphan) => orphan.path)).toEqual([
    "blocked/service_reliability",
    "blocked/service_reliability/other",
  ]);
  const declared = await diffPlaybooks(deps, admin, {
    old: { path: defaultPlaybookPath },
    next: { path: declaredPath },
  });
  expect(declared.changes).toEqual([expect.objectContaining({ statuses: 3, seats: 55, workItems: 0 })]);
  expect(declared.orphans).toEqual([]);
  expect(declared.remappedStatuses).toBe(3);
}

async function applyKeepsAnEditMadeMeanwhile(edited: string) {
  const result = await applyPlaybook(
    deps,
    { actor: admin, source: "cli" },
    {
      candidate: { path: declaredPath },
      hooks: {
        // Someone else's change commits between the apply's read of the batch and its write.
        afterRead: async (tx) => {
          await tx.execute(
            sql`update status_segments set note = 'edited meanwhile' where entitlement_id = ${edited}::uuid`,
          );
          await tx.execute(sql`update entitlements set version = version + 1 where id = ${edited}::uuid`);
        },
      },
    },
  );
  expect(result).toMatchObject({ applied: true, remappedStatuses: 3, conflictsRetried: 1 });
  const db = database.db;
  const [kept] = await rowsOf<{ l2: string; note: string }>(
    db,
    sql`select l2, note from status_segments where entitlement_id = ${edited}::uuid`,
  );
  expect(kept).toEqual({ l2: "service_health", note: "edited meanwhile" });
  expect(
    await count(db, sql`select count(*)::int as n from status_segments where l2 = 'service_reliability'`),
  ).toBe(0);
  expect(
    await count(db, sql`select count(*)::int as n from status_segments where l2 = 'service_health'`),
  ).toBe(3);
  expect(
    await count(
      db,
      sql`select count(*)::int as n from status_history where source = 'remap' and playbook_version = '1.1.0'`,
    ),
  ).toBe(3);
  expect(await count(db, sql`select count(*)::int as n from audit_log where action = 'playbook.apply'`)).toBe(
    1,
  );
  const versions = await listPlaybookVersions(deps, admin);
  expect(versions.map((version) => [version.version, version.source, version.remappedStatuses])).toEqual([
    ["1.0.0", "start", 0],
    ["1.1.0", "cli", 3],
  ]);
  expect(versions[1]!.changes[0]).toMatchObject({ statuses: 3, seats: 55 });
}

async function oldHistoryUnderTheNewName() {
  const before = await getBlockedByL3(deps, admin, { asOf: "2025-02-20" });
  expect(before.items.map((row) => [row.l2Name, row.l3Name, row.seats])).toEqual([
    ["Service Health", "(no L3)", 45],
    ["Service Health", "Other", 10],
    ["Legal/Regulatory", "(no L3)", 7],
  ]);
}

async function oneLineAcrossTheRename() {
  const lines = async (taxonomy: "current" | "recorded") => {
    const { items } = await getBlockedOverTimeByL2(deps, admin, { weeks: 6, taxonomy });
    return [...new Set(items.map((row) => `${row.l2Name}: ${row.weekStart} ${row.seats}`))];
  };
  // Recorded on 3 February under 1.0.0, remapped on 10 March (the test clock) under 1.1.0.
  expect(await lines("current")).toEqual(
    ["02-03", "02-10", "02-17", "02-24", "03-03", "03-10"].map((day) => `Service Health: 2025-${day} 55`),
  );
  const recorded = await lines("recorded");
  expect(recorded).toContain("service_reliability: 2025-03-03 55");
  expect(recorded).toContain("Service Health: 2025-03-10 55");
}

async function reportsNameTheNewL2() {
  const l3 = await getBlockedByL3(deps, admin);
  const names = l3.items.map((row) => row.l2Name);
  expect(names).toContain("Service Health");
  expect(names.some((name) => name.includes("_"))).toBe(false);
  expect(l3.items.find((row) => row.l2 === "service_health" && row.l3 === "other")?.l3Name).toBe("Other");
  expect(await recordPlaybookAtStart(deps, loadPlaybook(declaredPath))).toBeNull();
  const again = await applyPlaybook(
    deps,
    { actor: admin, source: "cli" },
    { candidate: { path: declaredPath } },
  );
  expect(again).toMatchObject({ alreadyInUse: true, applied: false });
}

/** History rows as a status write under playbook 1.0.0 leaves them, on 3 February, for the trend. */
async function recordedUnder100(ids: readonly string[]) {
  for (const id of ids) {
    await database.db.execute(
      sql`insert into status_history (entitlement_id, at, actor_role, source, playbook_version, version_after, before, after)
          select s.entitlement_id, '2025-02-03T10:00:00Z', 'delivery_fm', 'web', '1.0.0', 1,
            jsonb_build_object('stage', 'assignment', 'availableSeats', sum(s.seats), 'segments', '[]'::jsonb),
            jsonb_build_object('stage', 'assignment', 'availableSeats', sum(s.seats), 'segments',
              jsonb_agg(jsonb_build_object('seats', s.seats, 'l1', s.l1, 'scenarioId', s.scenario_id, 'l2', s.l2,
                'l3', s.l3, 'l1Since', '2025-02-03T10:00:00Z')))
          from status_segments s where s.entitlement_id = ${id}::uuid group by s.entitlement_id`,
    );
  }
}

/** What an apply may change: segments' values, history, audit, versions. */
async function snapshot() {
  return rowsOf(
    database.db,
    sql`select (select string_agg(l2 || '/' || coalesce(l3, ''), ',' order by l2, l3) from status_segments) as segments,
          (select count(*)::int from status_history) as history,
          (select count(*)::int from audit_log) as audit,
          (select count(*)::int from playbook_versions) as versions`,
  );
}
