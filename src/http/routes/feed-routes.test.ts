import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../../../test/factories/access.ts";
import { createUser } from "../../../test/factories/portfolio.ts";
import { makeTestDeps } from "../../../test/factories/test-deps.ts";
import { generatedFeed } from "../../../test/support/feed-folder.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/test-database.ts";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import { systemActor } from "../../app/auth/system-actor.ts";
import { failInterruptedSyncs } from "../../app/feed/fail-interrupted-syncs.ts";
import { startPortfolioSync } from "../../app/feed/start-portfolio-sync.ts";
import { syncsSettled } from "../../app/feed/sync-job-slot.ts";
import { buildServer } from "../build-server.ts";
import type { PortfolioSync } from "../schemas/feed.ts";

const examples = new URL("../../../examples/feed/", import.meta.url);
const exampleFiles = Object.fromEntries(
  ["customers", "tenants", "entitlements", "people", "usage"].map((name) => [
    `${name}.csv`,
    readFileSync(new URL(`${name}.csv`, examples), "utf8"),
  ]),
);

/** A multipart/form-data body as a browser's FormData sends it. */
async function multipart(files: Record<string, string>, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, text] of Object.entries(files)) form.append("files", new Blob([text]), name);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { "content-type": encoded.headers.get("content-type")! },
  };
}

let database: TestDatabase;
let deps: AppDeps;
let server: FastifyInstance;
let admin: Actor;
let adminHeaders: { authorization: string };
let uploads: string;

beforeAll(async () => {
  // Upload folders go to a temporary folder of this file's own, to see that none is left behind.
  uploads = mkdtempSync(join(tmpdir(), "feed-routes-test-"));
  process.env.TMPDIR = uploads;
  database = await openTestDatabase();
  deps = await makeTestDeps(database);
  server = await buildServer(deps, { webRoot: "/nonexistent", feedUploadLimits: { fileSize: 64 * 1024 } });
  admin = await createUser(database.db, { role: "admin" });
  adminHeaders = await bearerFor(deps, admin);
});
afterAll(async () => {
  await syncsSettled(deps);
  await server.close();
  await database.close();
  rmSync(uploads, { recursive: true, force: true });
});

async function upload(
  files: Record<string, string>,
  fields: Record<string, string> = {},
  headers: object = adminHeaders,
) {
  const body = await multipart(files, fields);
  return server.inject({
    method: "POST",
    url: "/api/portfolio/sync",
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
}

async function syncState(id: number): Promise<PortfolioSync> {
  const response = await server.inject({
    method: "GET",
    url: `/api/portfolio/syncs/${id}`,
    headers: adminHeaders,
  });
  expect(response.statusCode).toBe(200);
  return response.json<PortfolioSync>();
}

/** Uploads, expects 202, waits for the job to end and answers its final state. */
async function uploadAndWait(files: Record<string, string>, fields: Record<string, string> = {}) {
  const response = await upload(files, fields);
  expect(response.statusCode).toBe(202);
  const queued = response.json<PortfolioSync>();
  expect(response.headers.location).toBe(`/api/portfolio/syncs/${queued.id}`);
  await syncsSettled(deps);
  return syncState(queued.id);
}

const counts = (sync: PortfolioSync) => {
  const { rejected: _rejected, refusal: _refusal, ...perFile } = sync.report!;
  return perFile;
};

describe("POST /api/portfolio/sync", () => {
  it("refuses anyone but an Admin, before reading the upload", async () => {
    const fm = await bearerFor(deps, await createUser(database.db, { role: "delivery_fm" }));
    const response = await upload(exampleFiles, {}, fm);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: "forbidden", rule: "admin_only" });
  });

  it.each([
    ["a file name that is not a feed file", { "customer.csv": "x" }, {}, "customer.csv", "file_name_unknown"],
    [
      "a feed file given twice",
      { "tenants.csv": exampleFiles["tenants.csv"]!, "TENANTS.jsonl": "{}" },
      {},
      "TENANTS.jsonl",
      "file_duplicate",
    ],
    ["an empty file", { "usage.csv": "" }, {}, "usage.csv", "file_empty"],
    ["no file at all", {}, { dryRun: "true" }, "files", "files_required"],
    [
      "an option that is not a boolean",
      { "customers.csv": "customer_key,name\n" },
      { dryRun: "maybe" },
      "dryRun",
      "boolean_invalid",
    ],
    [
      "an unknown field",
      { "customers.csv": "customer_key,name\n" },
      { force: "true" },
      "force",
      "field_unknown",
    ],
  ])("refuses %s with 422 naming the field and the rule", async (_, files, fields, field, code) => {
    const response = await upload(files as Record<string, string>, fields as Record<string, string>);
    expect(response.statusCode).toBe(422);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().errors).toEqual([expect.objectContaining({ field, code })]);
    expect(readdirSync(uploads)).toEqual([]);
  });

  it("refuses a file over the size limit with 413 naming it, and keeps nothing of it", async () => {
    const big = generatedFeed(2000, { usagePoints: 3 }).usage;
    expect(big.length).toBeGreaterThan(64 * 1024);
    const response = await upload({ "usage.csv": big });
    expect(response.statusCode).toBe(413);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: "usage.csv", code: "file_too_large" }),
    ]);
    expect(readdirSync(uploads)).toEqual([]);
  });

  it("refuses a request that is not multipart, naming the body", async () => {
    const response = await server.inject({
      method: "POST",
      url: "/api/portfolio/sync",
      headers: adminHeaders,
      payload: { dryRun: true },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: "body", code: "multipart_required" }),
    ]);
  });

  it("previews with a dry run the counts the sync then gives; the same files again are all unchanged", async () => {
    const preview = await uploadAndWait(exampleFiles, { dryRun: "true" });
    expect(preview).toMatchObject({ state: "done", dryRun: true, applied: false, error: null });
    expect(counts(preview).tenants).toEqual({ added: 5, changed: 0, unchanged: 0, ended: 0 });
    expect(await database.execute("select 1 from tenants")).toMatchObject({ rows: [] });

    const applied = await uploadAndWait(exampleFiles);
    expect(applied).toMatchObject({ state: "done", dryRun: false, applied: true, error: null });
    expect(counts(applied)).toEqual(counts(preview));
    expect(applied.report?.rejected).toEqual([]);
    const { rows } = await database.execute("select count(*)::int as n from tenants where ended_at is null");
    expect(rows[0]?.n).toBe(5);

    const again = await uploadAndWait(exampleFiles);
    for (const perFile of Object.values(counts(again))) {
      expect(perFile).toMatchObject({ added: 0, changed: 0, ended: 0 });
    }
    expect(counts(again).entitlements.unchanged).toBe(counts(applied).entitlements.added);
    expect(readdirSync(uploads)).toEqual([]);
  });

  it("reports refused rows with file, row, column and code, and writes nothing", async () => {
    const entitlements = `tenant_id,service,available_seats\n6f1c2a9e-3b7d-4e21-9c55-0a1b2c3d4e01,Fax Online,10\n`;
    const refused = await uploadAndWait({ "entitlements.csv": entitlements });
    expect(refused).toMatchObject({ state: "done", applied: false });
    expect(refused.report?.refusal).toContain("refused");
    expect(refused.report?.rejected).toEqual([
      expect.objectContaining({ file: "entitlements", row: 2, column: "service", code: "service_unknown" }),
    ]);
  });

  it("takes one sync at a time: a second upload while one runs is 409 carrying the running one", async () => {
    const feed = generatedFeed(300, { usagePoints: 2 });
    const files = Object.fromEntries(Object.entries(feed).map(([name, text]) => [`${name}.csv`, text]));
    const first = await upload(files);
    expect(first.statusCode).toBe(202);
    const second = await upload(exampleFiles);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      code: "conflict",
      rule: "sync_running",
      sync: { id: first.json().id },
    });
    await syncsSettled(deps);
    expect(await syncState(first.json<PortfolioSync>().id)).toMatchObject({ state: "done", applied: true });
  });

  it("lists the latest syncs, newest first, each with its options and outcome", async () => {
    const response = await server.inject({
      method: "GET",
      url: "/api/portfolio/syncs?limit=3",
      headers: adminHeaders,
    });
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: PortfolioSync[] }>().items;
    expect(items).toHaveLength(3);
    expect(items.map((item) => item.id)).toEqual([...items.map((item) => item.id)].sort((a, b) => b - a));
    expect(items.every((item) => item.state === "done" && item.finishedAt !== null)).toBe(true);
  });
});

describe("sync jobs", () => {
  it("fails a sync whose files cannot be read, with the reason, and removes its folder", async () => {
    const folder = mkdtempSync(join(uploads, "empty-"));
    const options = { dryRun: false, full: false, partial: false, allowMassEnd: false };
    const queued = await startPortfolioSync(deps, admin, { receive: async () => ({ folder, options }) });
    expect(queued.state).toBe("queued");
    await syncsSettled(deps);
    const failed = await syncState(queued.id);
    expect(failed).toMatchObject({ state: "failed", applied: false, report: null });
    expect(failed.error).toContain("No feed file");
    expect(readdirSync(uploads)).toEqual([]);
  });

  it("marks a sync left running by a stopped server failed when the server starts again", async () => {
    // As a server killed mid-sync leaves it: the record running, the sync's transaction gone.
    const { rows } = await database.execute(
      `insert into portfolio_syncs (actor_email, dry_run, "full", partial, applied, state)
       values ($1, false, true, false, false, 'running') returning id`,
      [admin.email],
    );
    const stale = { id: Number(rows[0]?.id) };
    expect((await syncState(stale.id)).state).toBe("running");
    expect(await failInterruptedSyncs(deps, systemActor)).toBe(1);
    const after = await syncState(stale.id);
    expect(after).toMatchObject({ state: "failed", full: true });
    expect(after.error).toContain("server stopped");
    expect(await failInterruptedSyncs(deps, systemActor)).toBe(0);
  });

  it("404s a sync that does not exist, and answers the example files as downloads", async () => {
    expect(
      (await server.inject({ method: "GET", url: "/api/portfolio/syncs/999999", headers: adminHeaders }))
        .statusCode,
    ).toBe(404);
    const example = await server.inject({
      method: "GET",
      url: "/api/portfolio/feed-examples/tenants.csv",
      headers: adminHeaders,
    });
    expect(example.statusCode).toBe(200);
    expect(example.headers["content-disposition"]).toBe('attachment; filename="tenants.csv"');
    expect(example.body).toBe(exampleFiles["tenants.csv"]);
    const other = await server.inject({
      method: "GET",
      url: "/api/portfolio/feed-examples/..%2Fpackage.json",
      headers: adminHeaders,
    });
    expect(other.statusCode).toBe(400);
  });
});
