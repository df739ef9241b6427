import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../../db/client.ts";
import { recordPlaybookLoad } from "./record-playbook-load.ts";

describe(recordPlaybookLoad.name, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("records the playbook a server starts with once, and again only when the file changed", async () => {
    const deps = await makeTestDeps(database);
    expect(await recordPlaybookLoad(deps)).toBe(true);
    expect(await recordPlaybookLoad(deps)).toBe(false);
    const edited = { ...deps, playbook: { ...deps.playbook, sha256: "edited" } };
    expect(await recordPlaybookLoad(edited)).toBe(true);
    const { rows } = await database.execute(
      "select before->>'sha256' as before, after->>'sha256' as after, actor_email from audit_log where action = 'playbook.load' order by id",
    );
    expect(rows).toEqual([
      { before: null, after: "test", actor_email: "system" },
      { before: "test", after: "edited", actor_email: "system" },
    ]);
  });

  it("records a new file once when several servers start with it at the same moment", async () => {
    // On a PostgreSQL server each call has its own connection and they race; PGlite has one.
    const deps = await makeTestDeps(database);
    const servers = Array.from({ length: 4 }, () => ({
      ...deps,
      playbook: { ...deps.playbook, sha256: "deployed together" },
    }));
    const recorded = await Promise.all(servers.map((server) => recordPlaybookLoad(server)));
    expect(recorded.filter(Boolean)).toHaveLength(1);
    const { rows } = await database.execute(
      "select count(*)::int as n from audit_log where action = 'playbook.load' and after->>'sha256' = 'deployed together'",
    );
    expect(rows).toEqual([{ n: 1 }]);
  });
});
