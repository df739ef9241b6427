import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { prepareSignIn } from "../../src/app/auth/prepare-sign-in.ts";
import { seedDemo } from "../../src/app/demo/seed-demo.ts";
import { startJobRunner } from "../../src/app/jobs/start-job-runner.ts";
import { startApp } from "../../src/app/start-app.ts";
import { buildServer } from "../../src/http/build-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the server under test listens, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
  }
}

const root = resolve(import.meta.dirname, "../..");
const webRoot = join(root, "dist/web");
/** Enough tenants for several pages of the portfolio (200 rows a page), few enough to seed fast. */
const demoTenants = 80;

/**
 * Builds the web app if its sources (or the domain rules it bundles) changed
 * since the last build, then starts the real server over a fresh temporary
 * database with demo data. The server must start after the build: it lists
 * the built files when it starts.
 */
export default async function setup(project: TestProject) {
  if (await webBuildIsStale()) {
    // A child process: the test runner sets NODE_ENV=test, which would bundle React's development build.
    execFileSync(
      process.execPath,
      [join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
      {
        cwd: root,
        env: { ...process.env, NODE_ENV: "production" },
        stdio: "inherit",
      },
    );
  }
  const dataDir = await mkdtemp(join(tmpdir(), "unblock-e2e-"));
  const app = await startApp({ dataDir });
  await seedDemo(app.deps, { tenants: demoTenants });
  // As `serve --demo` does: the demo users sign in with the published demo password.
  await prepareSignIn(app.deps, { demo: true, admin: { email: "admin@unblock.test" } });
  const server = await buildServer(app.deps, {
    webRoot,
    logger: false,
    // Every test signs in afresh from the same address; the production limit would lock them out.
    loginRateLimit: { max: 10_000, timeWindow: 60_000 },
  });
  await server.listen({ host: "127.0.0.1", port: 0 });
  // As `serve` does: notices and webhook deliveries run in the server's job runner.
  const jobs = startJobRunner(app.deps, { info: () => undefined, warn: () => undefined });
  const address = server.server.address();
  if (address === null || typeof address === "string")
    throw new Error("The server did not listen on a TCP port");
  project.provide("baseUrl", `http://127.0.0.1:${address.port}`);

  return async () => {
    await jobs.stop();
    await server.close();
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  };
}

async function webBuildIsStale(): Promise<boolean> {
  const built = await stat(join(webRoot, "index.html")).catch(() => null);
  if (!built) return true;
  const sources = [join(root, "web"), join(root, "src/domain"), join(root, "vite.config.ts")];
  for (const source of sources) {
    if ((await newestChange(source)) > built.mtimeMs) return true;
  }
  return false;
}

async function newestChange(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) {
    newest = Math.max(newest, await newestChange(join(path, entry)));
  }
  return newest;
}
