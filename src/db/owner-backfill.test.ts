import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntitlement, createUser } from "../../test/factories/portfolio.ts";
import { openTestDatabase } from "../../test/support/test-database.ts";
import type { Database } from "./client.ts";
import { statusSegments } from "./schema.ts";

/** The backfill statements of the migration that added the owner columns, as the file has them. */
function backfillStatements(): string[] {
  const text = readFileSync(new URL("../../drizzle/0015_segment_owners.sql", import.meta.url), "utf8");
  return text
    .split("--> statement-breakpoint")
    .map((part) =>
      part
        .split("\n")
        .filter((line) => !line.trim().startsWith("--"))
        .join("\n")
        .trim(),
    )
    .filter((statement) => statement.startsWith("UPDATE"));
}

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("the owner backfill of migration 0015", () => {
  it("makes role names teams, one matching user a person, and leaves the rest text", async () => {
    const db = database.db;
    const ana = await createUser(db, { role: "account_team", name: "Ana Lopez", email: "ana@x.test" });
    await createUser(db, { role: "account_team", name: "Sam Twin" });
    await createUser(db, { role: "account_team", name: "Sam Twin" });
    const owners = ["account team", "Delivery_FM", "ANA@x.test", "ana lopez", "Sam Twin", "The Board"];
    const ids: string[] = [];
    for (const owner of owners) {
      const entitlement = await createEntitlement(db, { segments: [{ seats: 10, l1: "blocked", owner }] });
      ids.push(entitlement.id);
    }
    const statements = backfillStatements();
    expect(statements).toHaveLength(2);
    for (const statement of statements) await db.execute(sql.raw(statement));

    const rows = [];
    for (const id of ids) {
      const [row] = await db.select().from(statusSegments).where(eq(statusSegments.entitlementId, id));
      rows.push({ owner: row!.owner, team: row!.ownerTeam, user: row!.ownerUserId });
    }
    expect(rows).toEqual([
      { owner: "Account Team", team: "account_team", user: null },
      { owner: "Delivery FM", team: "delivery_fm", user: null },
      { owner: "ANA@x.test", team: null, user: ana.id },
      { owner: "ana lopez", team: null, user: ana.id },
      { owner: "Sam Twin", team: null, user: null },
      { owner: "The Board", team: null, user: null },
    ]);
  });
});
