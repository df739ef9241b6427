import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../client.ts";
import { keepServerKey } from "./server-key-repository.ts";

describe(keepServerKey.name, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("keeps the first key offered under a name and hands it to every later caller", async () => {
    expect(await keepServerKey(database.db, "first", "key-a")).toBe("key-a");
    expect(await keepServerKey(database.db, "first", "key-b")).toBe("key-a");
    expect(await keepServerKey(database.db, "second", "key-c")).toBe("key-c");
  });

  it("gives servers starting together one key, whoever stores it", async () => {
    const offered = ["x1", "x2", "x3", "x4"];
    const kept = await Promise.all(offered.map((key) => keepServerKey(database.db, "together", key)));
    expect(new Set(kept).size).toBe(1);
    expect(offered).toContain(kept[0]);
  });
});
