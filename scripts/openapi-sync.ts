/**
 * Writes the OpenAPI document the server generates to openapi.json, or with
 * --check fails when the committed file differs: the API contract changes only
 * in a reviewed commit.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AppDeps } from "../src/app/app-deps.ts";
import { loadPlaybook } from "../src/app/playbook/load-playbook.ts";
import type { Database } from "../src/db/client.ts";
import { buildServer } from "../src/http/build-server.ts";

const target = fileURLToPath(new URL("../openapi.json", import.meta.url));
const check = process.argv.includes("--check");

// Generating the document never touches the database; fail loudly if it ever does.
const noDatabase = new Proxy({} as Database, {
  get: (_target, key) => {
    if (key === "then") return undefined;
    throw new Error(`openapi-sync must not use the database (touched ${String(key)})`);
  },
});
const deps: AppDeps = { database: noDatabase, playbook: loadPlaybook(), now: () => new Date(0) };
const server = await buildServer(deps, { defaultUser: "nobody", logger: false, webRoot: "/nonexistent" });
await server.ready();
const document = `${JSON.stringify(server.swagger(), null, 2)}\n`;
await server.close();

if (check) {
  let committed = "";
  try {
    committed = readFileSync(target, "utf8");
  } catch {
    // a missing file is drift too
  }
  if (committed !== document) {
    process.stderr.write("openapi.json is out of date: run `npm run openapi:sync` and commit the result.\n");
    process.exit(1);
  }
  process.stdout.write("openapi.json matches the routes.\n");
} else {
  writeFileSync(target, document);
  process.stdout.write(`Wrote ${target}\n`);
}
