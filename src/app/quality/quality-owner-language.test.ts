import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { AppDeps } from "../app-deps.ts";
import { localizedIndex } from "../playbook/playbook-translations.ts";
import { ownerDisplay } from "./quality-view.ts";

let database: TestDatabase;
let deps: AppDeps;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
});
afterAll(() => database.close());

describe("a data-quality owner in the reader's language", () => {
  const owners = [
    { kind: "team", userId: null, role: "fasttrack_engineer", name: null },
    { kind: "text", userId: null, role: null, name: "Claims team" },
    { kind: "none", userId: null, role: null, name: null },
  ] as const;

  it("marks a team, unresolved text and no owner in German for a German reader", () => {
    const german = localizedIndex(deps.playbook, "de");
    expect(owners.map((owner) => ownerDisplay(german, owner))).toEqual([
      `${german.role("fasttrack_engineer")?.name} (Team)`,
      "Claims team (nicht zugeordnet)",
      "Ohne Verantwortung",
    ]);
  });

  it("keeps the English marks for an English reader", () => {
    const english = localizedIndex(deps.playbook, "en");
    expect(owners.map((owner) => ownerDisplay(english, owner))).toEqual([
      "FastTrack Engineer (team)",
      "Claims team (unresolved)",
      "No owner",
    ]);
  });
});
