import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomer, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { feedFolder, removeFeedFolders } from "../../../test/support/feed-folder.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { syncPortfolio } from "./sync-portfolio.ts";

let database: TestDatabase;
let deps: AppDeps;
let admin: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  admin = await createUser(database.db, { role: "admin" });
});
afterAll(async () => {
  await database.close();
  removeFeedFolders();
});

const sync = (files: Record<string, string>, options: { full?: boolean; partial?: boolean } = {}) =>
  syncPortfolio(deps, {
    folder: feedFolder(files),
    actor: admin,
    dryRun: false,
    full: options.full ?? false,
    partial: options.partial ?? false,
    allowMassEnd: false,
  });

async function assignments(): Promise<string[]> {
  const { rows } = await database.execute(
    `select u.email || ' ' || u.role || ' ' || coalesce(c.external_id, t.external_id) || ' ' || a.from_feed as line
       from assignments a join users u on u.id = a.user_id
       left join customers c on c.id = a.customer_id left join tenants t on t.id = a.tenant_id order by 1`,
  );
  return rows.map((row) => String(row.line));
}

const portfolio = {
  customers: "customer_key,name\nP1,Contoso\nP2,Fabrikam\n",
  tenants: "tenant_id,customer_key,name,domain\nPT1,P1,Contoso,contoso.people.example\n",
};

describe("people in the feed", () => {
  it("become users without a password, assigned to customers or tenants, and follow renames", async () => {
    const people =
      "email,name,role,customer_key,tenant_id\nAna@Example.com,Ana,Delivery FM,P1,\nana@example.com,Ana,Delivery FM,P2,\nbo@example.com,Bo,partner,,PT1\n";
    const first = await sync({ ...portfolio, people });
    expect(first.report.people).toEqual({ added: 3, changed: 0, unchanged: 0, ended: 0 });
    expect(await assignments()).toEqual([
      "ana@example.com delivery_fm P1 true",
      "ana@example.com delivery_fm P2 true",
      "bo@example.com partner PT1 true",
    ]);
    const { rows } = await database.execute(
      "select count(*)::int as n from user_accounts ua join users u on u.id = ua.user_id where u.email like '%@example.com' and ua.password_hash is not null",
    );
    expect(rows[0]?.n).toBe(0);

    const renamed = await sync({ people: people.replaceAll(",Ana,", ",Ana Lima,") });
    expect(renamed.report.people).toEqual({ added: 0, changed: 2, unchanged: 1, ended: 0 });
  });

  it("refuse a role other than the one the user has, and Admin", async () => {
    await createUser(database.db, { email: "cy@example.com", role: "viewer" });
    const outcome = await sync({
      people:
        "email,name,role,customer_key,tenant_id\ncy@example.com,Cy,Account Team,P1,\ndee@example.com,Dee,Account Team,P1,\ndee@example.com,Dee,Partner,P2,\neve@example.com,Eve,Admin,P1,\n",
    });
    expect(outcome.applied).toBe(false);
    expect(outcome.report.rejected.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, "role", "role_conflict"],
      [4, "role", "role_conflict"],
      [5, "role", "role_not_allowed"],
    ]);
  });

  it("on a full sync lose the feed's assignments the file no longer names, never one made by hand", async () => {
    const customer = await createCustomer(database.db, { externalId: "P3" });
    const fm = await createUser(database.db, { email: "fm@example.com", role: "assignment_fm" });
    await database.execute("insert into assignments (user_id, customer_id) values ($1, $2)", [
      fm.id,
      customer.id,
    ]);
    await sync({ people: "email,name,role,customer_key\nfm@example.com,Fm,Assignment FM,P1\n" });
    const outcome = await sync(
      { people: "email,name,role,customer_key\nana@example.com,Ana Lima,Delivery FM,P1\n" },
      { full: true },
    );
    expect(outcome.report.people).toEqual({ added: 0, changed: 0, unchanged: 1, ended: 3 });
    expect(await assignments()).toEqual([
      "ana@example.com delivery_fm P1 true",
      "fm@example.com assignment_fm P3 false",
    ]);
    const { rows } = await database.execute(
      "select count(*)::int as n from users where email in ('bo@example.com', 'fm@example.com')",
    );
    expect(rows[0]?.n).toBe(2);
  });
});
