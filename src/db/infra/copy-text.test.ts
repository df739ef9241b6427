import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import type { Database } from "../client.ts";
import { copyCell, copyText } from "./copy-text.ts";

describe(copyText.name, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.execute(
      "create table copy_probe (id int, note text, doc jsonb, at timestamptz, day date, tags text[])",
    );
  });
  afterAll(() => database.close());

  it("writes null as \\N and escapes backslash, tab and line breaks", () => {
    expect(copyCell(null)).toBe("\\N");
    expect(copyCell("a\\b\tc\nd\re")).toBe("a\\\\b\\tc\\nd\\re");
    expect(copyText([{ a: 1, b: "x" }], ["b", "a"])).toBe("x\t1\n");
  });

  it("writes an object shared by consecutive cells as the same JSON each time", () => {
    const shared = { note: "a\tb", seats: 2 };
    const rows = [
      { before: { seats: 1 }, after: shared },
      { before: shared, after: { seats: 3 } },
    ];
    expect(copyText(rows, ["before", "after"])).toBe(
      '{"seats":1}\t{"note":"a\\\\tb","seats":2}\n{"note":"a\\\\tb","seats":2}\t{"seats":3}\n',
    );
  });

  it("round-trips awkward text, JSON, text arrays and timestamps through COPY unchanged", async () => {
    const note = 'Tab\there, "quotes", back\\slash, new\nline, \\N literally, émoji 🚧';
    const doc = { segments: [{ note, seats: 3, owner: null }] };
    const at = new Date("2025-03-10T09:15:30.123Z");
    const tags = ["teams/app", 'q"uote', "back\\slash", "tab\tin"];
    const text = copyText(
      [
        { id: 1, note, doc, at, day: "2025-03-10", tags },
        { id: 2, note: null, doc: null, at: null, day: null, tags: [] },
      ],
      ["id", "note", "doc", "at", "day", "tags"],
    );
    await database.bulkLoad((session) =>
      session.copy("copy_probe", ["id", "note", "doc", "at", "day", "tags"], text),
    );
    const { rows } = await database.execute(
      "select id, note, doc, to_char(at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS') as at, day::text as day, tags from copy_probe order by id",
    );
    expect(rows).toEqual([
      {
        id: 1,
        note,
        doc,
        at: "2025-03-10T09:15:30.123",
        day: "2025-03-10",
        tags: ["teams/app", 'q"uote', "back\\slash", "tab\tin"],
      },
      { id: 2, note: null, doc: null, at: null, day: null, tags: [] },
    ]);
  });

  it("rolls the whole load back when the work fails", async () => {
    await expect(
      database.bulkLoad(async (session) => {
        await session.copy("copy_probe", ["id"], "10\n");
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    const { rows } = await database.execute("select count(*)::int as n from copy_probe where id = 10");
    expect(rows[0]!.n).toBe(0);
  });
});
