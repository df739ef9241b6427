import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServe } from "../../test/support/serve-process.ts";
import { defaultSuggester } from "../domain/suggest/default-model.ts";

const run = promisify(execFile);
const bin = new URL("../../bin/unblock.js", import.meta.url).pathname;
const note = "Not a licensing problem: the firewall drops the traffic.";

/** bin/unblock.js starts the note commands and the server from a cached bundle (bin/bundled-cli.js), else through tsx. */
describe("bundled start of the note commands and the server", () => {
  let cache: string;
  const unblock = (args: string[], cacheDir = cache) =>
    run(process.execPath, [bin, ...args], { env: { ...process.env, UNBLOCK_CLI_CACHE: cacheDir } });
  const manifest = async (cacheDir = cache) =>
    JSON.parse(await readFile(join(cacheDir, "manifest.json"), "utf8")) as {
      build: string;
      inputs: Record<string, string>;
    };

  beforeAll(async () => {
    // Inside the project: the bundle imports its packages from node_modules.
    const caches = new URL("../../node_modules/.cache/", import.meta.url).pathname;
    await mkdir(caches, { recursive: true });
    cache = await mkdtemp(join(caches, "unblock-cli-test-"));
  });
  afterAll(async () => {
    await rm(cache, { recursive: true, force: true });
  });

  it("builds the bundle on first use and answers as the sources do", async () => {
    const { stdout } = await unblock(["suggest", "--json", note, "--workload", "teams"]);
    const expected = defaultSuggester().suggest(note, "teams");
    expect(JSON.parse(stdout)).toMatchObject({ l1: expected.l1, l2: expected.l2, l3: expected.l3 });
    const built = await manifest();
    expect(Object.keys(built.inputs)).toContain("src/domain/suggest/create-suggester.ts");
  });

  it("finds the default playbook from the bundle, as the sources do", async () => {
    const { stdout } = await unblock(["lint-note", "No intent.", "--l1", "No Intent"]);
    expect(stdout).toContain("Grade: poor");
    expect(stdout).toContain("[status_only]");
  });

  it("rebuilds when a source it holds has changed", async () => {
    const before = await manifest();
    const stale = {
      ...before,
      inputs: { ...before.inputs, "src/domain/suggest/create-suggester.ts": "0:0" },
    };
    await writeFile(join(cache, "manifest.json"), JSON.stringify(stale));
    const { stdout } = await unblock(["suggest", "--json", note]);
    expect(JSON.parse(stdout).l1).toBe("blocked");
    const after = await manifest();
    expect(after.build).not.toBe(before.build);
    expect(after.inputs["src/domain/suggest/create-suggester.ts"]).not.toBe("0:0");
  });

  it("starts the server from the bundle: migrations, playbook and API found from the sources' places", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "unblock-bundled-serve-"));
    // A cache of its own: a bundle is found there only if serve built one to start from.
    const serveCache = await mkdtemp(join(cache, "serve-"));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      UNBLOCK_CLI_CACHE: serveCache,
      UNBLOCK_DATA_DIR: dataDir,
    };
    delete env.DATABASE_URL;
    // Any free port, and readiness rather than the clock: a loaded machine may take minutes to bundle and migrate.
    const serve = await startServe(env);
    try {
      const health = await fetch(`${serve.base}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        database: "pglite",
        playbook: { id: "onboarding_default" },
      });
      const options = await fetch(`${serve.base}/api/auth/options`);
      expect(options.status).toBe(200);
      expect(Object.keys((await manifest(serveCache)).inputs)).toContain("src/http/build-server.ts");
    } finally {
      // The server finishes its work on SIGTERM (jobs, the database): remove its files once it has exited.
      await serve.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 600_000);

  it("falls back to tsx when the bundle cannot be written", async () => {
    const { stdout } = await unblock(["suggest", "--json", note], "/dev/null/unblock-cli");
    expect(JSON.parse(stdout).l1).toBe("blocked");
  });
});
