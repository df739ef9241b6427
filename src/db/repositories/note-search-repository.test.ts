import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomer, createEntitlement, createTenant } from "../../../test/factories/portfolio.ts";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../client.ts";
import { readTextMatchIds } from "../sql/text-matches.ts";
import { likePattern } from "./entitlement-list-repository.ts";
import { indexPendingNotes, pendingNoteCount } from "./note-search-repository.ts";

describe("notes in the free-text search", () => {
  let database: Database;
  let tenantId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const customer = await createCustomer(database.db, { name: "Fabrikam" });
    tenantId = (await createTenant(database.db, { customerId: customer.id })).id;
  });
  afterAll(() => database.close());

  const found = async (word: string) => (await readTextMatchIds(database.db, likePattern(word))) ?? [];
  const indexed = async (id: string) =>
    (await database.execute("select notes from note_search where entitlement_id = $1", [id])).rows[0]?.notes;
  const setNote = (id: string, note: string) =>
    database.execute("update status_segments set note = $2 where entitlement_id = $1", [id, note]);

  it("finds a note before and after it is taken into the search table, never the one it replaced", async () => {
    const { id } = await createEntitlement(database.db, {
      tenantId,
      segments: [{ seats: 10, l1: "blocked", note: "Waiting on the heliotrope proxy" }],
    });
    expect(await found("heliotrope")).toEqual([id]);
    expect(await pendingNoteCount(database.db)).toBe(1);
    expect(await indexPendingNotes(database.db)).toBe(1);
    expect(await pendingNoteCount(database.db)).toBe(0);
    expect(await indexed(id)).toBe("Waiting on the heliotrope proxy");
    expect(await found("heliotrope")).toEqual([id]);

    // Changed and not yet taken: the search table still holds the old note, which must not match.
    await setNote(id, "Proxy fixed, marigold rollout next");
    expect(await found("heliotrope")).toEqual([]);
    expect(await found("marigold")).toEqual([id]);
    await indexPendingNotes(database.db);
    expect(await found("heliotrope")).toEqual([]);
    expect(await found("marigold")).toEqual([id]);
  });

  it("keeps one row per entitlement with its segments' notes, and none once no note is left", async () => {
    const { id } = await createEntitlement(database.db, {
      tenantId,
      serviceId: "teams",
      segments: [
        { seats: 4, l1: "blocked", note: "First part" },
        { seats: 6, l1: "in_progress", note: "Second part" },
      ],
    });
    await indexPendingNotes(database.db);
    expect(await indexed(id)).toBe("First part\nSecond part");
    await setNote(id, "");
    await indexPendingNotes(database.db);
    expect(await indexed(id)).toBeUndefined();
  });

  it("takes marked entitlements in batches until none is left, and only as many as asked", async () => {
    for (const serviceId of ["sharepoint", "onedrive", "yammer"]) {
      await createEntitlement(database.db, {
        tenantId,
        serviceId,
        segments: [{ seats: 1, l1: "blocked", note: `note of ${serviceId}` }],
      });
    }
    expect(await indexPendingNotes(database.db, 2)).toBe(2);
    expect(await pendingNoteCount(database.db)).toBe(1);
    expect(await indexPendingNotes(database.db)).toBe(1);
  });
});
