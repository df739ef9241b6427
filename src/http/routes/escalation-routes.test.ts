import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assign, bearerFor } from "../../../test/factories/access.ts";
import { createEntitlement, createTenant, createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import { buildServer } from "../build-server.ts";
import type {
  EscalationDetail,
  EscalationList,
  EscalationReport,
  ResolverGroup,
} from "../schemas/escalations.ts";

const group = "Customer legal and compliance";

let database: TestDatabase;
let deps: AppDeps;
let server: FastifyInstance;
let admin: Actor;
let fm: Actor;
let lawyer: Actor;
let lead: Actor;
let entitlementId: string;
const headers: Record<string, { authorization: string }> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  server = await buildServer(deps, { webRoot: "/nonexistent" });
  admin = await createUser(database.db, { role: "admin", name: "Ada Admin" });
  fm = await createUser(database.db, { role: "delivery_fm", name: "Dana Field" });
  lawyer = await createUser(database.db, {
    role: "account_team",
    name: "Lee Legal",
    email: "lee@example.test",
  });
  lead = await createUser(database.db, { role: "team_lead", name: "Tom Lead" });
  for (const user of [admin, fm, lawyer, lead]) headers[user.id] = await bearerFor(deps, user);
  const tenant = await createTenant(database.db, { name: "Contoso Europe" });
  await assign(database.db, fm.id, { tenantId: tenant.id });
  const entitlement = await createEntitlement(database.db, {
    tenantId: tenant.id,
    stage: "delivery",
    segments: [{ seats: 100, l1: "blocked", scenarioId: "blocked_delivery", l2: "legal_regulatory" }],
  });
  entitlementId = entitlement.id;
});
afterAll(async () => {
  await server.close();
  await database.close();
});

const call = (
  user: Actor,
  method: "GET" | "POST" | "DELETE",
  url: string,
  payload?: Record<string, unknown>,
) =>
  server.inject({ method, url, headers: headers[user.id]!, ...(payload === undefined ? {} : { payload }) });

describe("resolver group routes", () => {
  it("lets an Admin add a member by email and refuses everyone else", async () => {
    const path = `/api/resolver-groups/${encodeURIComponent(group)}/members`;
    const refused = await call(fm, "POST", path, { user: lawyer.email });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ rule: "admin_only" });
    const added = await call(admin, "POST", path, { user: lawyer.email });
    expect(added.statusCode).toBe(200);
    expect(added.json<ResolverGroup>()).toMatchObject({ name: group, members: [{ name: "Lee Legal" }] });
    const unknown = await call(admin, "POST", "/api/resolver-groups/Nobody/members", { user: lawyer.email });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ errors: [{ field: "group", code: "group_unknown" }] });
    const list = await call(lawyer, "GET", "/api/resolver-groups");
    expect(list.json<{ items: ResolverGroup[] }>().items.find((item) => item.name === group)).toMatchObject({
      member: true,
      memberCount: 1,
      members: [],
    });
  });
});

describe("escalation routes", () => {
  it("raises an escalation, shows it in the group's queue and its acknowledgement in the history", async () => {
    const opened = await call(fm, "POST", `/api/entitlements/${entitlementId}/escalations`, {
      message: "The customer's counsel wants the data residency terms in writing.",
    });
    expect(opened.statusCode).toBe(201);
    const escalation = opened.json<EscalationDetail>();
    expect(escalation).toMatchObject({ group, state: "open", events: [{ kind: "opened" }] });

    const queue = await call(lawyer, "GET", "/api/escalations?mine=true&state=active");
    expect(queue.json<EscalationList>()).toMatchObject({
      total: 1,
      items: [{ id: escalation.id, canHandle: true }],
    });
    const inbox = await call(lawyer, "GET", "/api/notifications");
    expect(inbox.json()).toMatchObject({ unread: 1, items: [{ kind: "escalation_opened" }] });

    const byOutsider = await call(lead, "POST", `/api/escalations/${escalation.id}/acknowledge`, {
      version: 1,
    });
    expect(byOutsider.statusCode).toBe(403);
    expect(byOutsider.json()).toMatchObject({ code: "forbidden", rule: "not_group_member" });
    expect(byOutsider.json().instead).toContain(group);

    const acknowledged = await call(lawyer, "POST", `/api/escalations/${escalation.id}/acknowledge`, {
      version: 1,
      note: "Drafting the letter.",
    });
    expect(acknowledged.statusCode).toBe(200);
    const stale = await call(lawyer, "POST", `/api/escalations/${escalation.id}/resolve`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: "version_conflict",
      current: { state: "acknowledged", version: 2 },
    });

    const history = await call(fm, "GET", `/api/entitlements/${entitlementId}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.json().escalations).toMatchObject([
      { kind: "acknowledged", group, actor: { name: "Lee Legal" }, text: "Drafting the letter." },
      { kind: "opened", actor: { name: "Dana Field" } },
    ]);
  });

  it("answers a decline without a reason with 422 naming the field, and a malformed body with 400", async () => {
    const [escalation] = (
      await call(admin, "GET", `/api/escalations?entitlementId=${entitlementId}`)
    ).json<EscalationList>().items;
    const noReason = await call(lawyer, "POST", `/api/escalations/${escalation!.id}/decline`, {
      version: escalation!.version,
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({ errors: [{ field: "reason", code: "required" }] });
    const noMessage = await call(fm, "POST", `/api/entitlements/${entitlementId}/escalations`, {
      message: " ",
    });
    expect(noMessage.statusCode).toBe(400);
    expect(noMessage.json().errors[0].field).toBe("body.message");
    const badAction = await call(lawyer, "POST", `/api/escalations/${escalation!.id}/close`, { version: 1 });
    expect(badAction.statusCode).toBe(400);

    const declined = await call(lawyer, "POST", `/api/escalations/${escalation!.id}/decline`, {
      version: escalation!.version,
      reason: "Residency terms are the account team's, not legal's.",
    });
    expect(declined.json()).toMatchObject({ state: "declined", closedBy: { name: "Lee Legal" } });
    const report = await call(lead, "GET", "/api/escalations/report");
    expect(report.json<EscalationReport>()).toMatchObject({ states: { declined: 1 }, open: [] });
  });

  it("takes comments from the FM and the group, and hides the queue from whom it does not concern", async () => {
    const opened = (
      await call(fm, "POST", `/api/entitlements/${entitlementId}/escalations`, { message: "Again, please." })
    ).json<EscalationDetail>();
    const comment = await call(lawyer, "POST", `/api/escalations/${opened.id}/comments`, { text: "On it." });
    expect(comment.statusCode).toBe(201);
    expect(comment.json<EscalationDetail>().comments).toBe(1);
    const stranger = await createUser(database.db, { role: "delivery_fm" });
    headers[stranger.id] = await bearerFor(deps, stranger);
    expect((await call(stranger, "GET", `/api/escalations/${opened.id}`)).statusCode).toBe(404);
    expect((await call(stranger, "GET", "/api/escalations")).json<EscalationList>().total).toBe(0);
    expect(
      (await call(lead, "GET", `/api/escalations?group=${encodeURIComponent(group)}`)).json().total,
    ).toBe(2);
  });
});
