import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/client.ts";
import { runMigrations } from "../../src/db/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PGlite data directory, dumped as a tar file, that each test file starts from. */
    pgliteTemplate: string;
    /** On a server run: a migrated database each test file's database is copied from. */
    serverTemplate: string;
  }
}

/**
 * Vitest global setup: migrates one database for the whole run, once, so a
 * test file copies it instead of running initdb and every migration again
 * (most of a database test file's start-up). The per-file database stays
 * fresh and private; only its starting point is shared. Dropped at the end.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return serverTemplate(project, serverUrl);
  const database = await openDatabase({ dataDir: "memory://" });
  await runMigrations(database);
  if (!database.dumpDataDir) throw new Error("An embedded database dumps its data directory.");
  const dump = await database.dumpDataDir();
  await database.close();
  const file = join(tmpdir(), `unblock-test-template-${process.pid}-${randomBytes(4).toString("hex")}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  project.provide("serverTemplate", "");
  return async () => rm(file, { force: true });
}

async function serverTemplate(project: TestProject, serverUrl: string) {
  const name = `unblock_test_template_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 1 });
  await runMigrations(database);
  await database.close();
  project.provide("pgliteTemplate", "");
  project.provide("serverTemplate", name);
  return async () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function adminQuery(serverUrl: string, sqlText: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sqlText);
  } finally {
    await admin.end();
  }
}
