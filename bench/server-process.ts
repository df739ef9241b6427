import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/** The Unblock server in its own process, as users run it, so its memory can be measured apart. */
export interface ServerProcess {
  origin: string;
  pid: number;
  /** Resident memory now, in MB. */
  rssMb(): number;
  /** Peak resident memory since start or the last resetPeak(), in MB (the kernel's high-water mark). */
  peakRssMb(): number;
  resetPeak(): void;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function statusField(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/**
 * Starts `node bin/unblock.js serve` on a free loopback port against the given
 * database and waits until it answers /api/health. Request logging is off
 * (LOG_LEVEL=warn): the benchmark measures the application, not the log.
 */
export async function startServer(database: { url?: string; dataDir?: string }): Promise<ServerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn", PORT: String(port), HOST: "127.0.0.1" };
  delete env.DATABASE_URL;
  delete env.UNBLOCK_DATA_DIR;
  if (database.url) env.DATABASE_URL = database.url;
  if (database.dataDir) env.UNBLOCK_DATA_DIR = database.dataDir;
  const child: ChildProcess = spawn(
    process.execPath,
    [...(process.env.BENCH_SERVER_NODE_OPTIONS?.split(" ").filter(Boolean) ?? []), "bin/unblock.js", "serve"],
    {
      cwd: repoRoot,
      env,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server stopped at start-up:\n${stderr}`);
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The server did not answer within 120 s:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const pid = child.pid!;
  return {
    origin,
    pid,
    rssMb: () => statusField(pid, "VmRSS"),
    peakRssMb: () => statusField(pid, "VmHWM"),
    resetPeak: () => writeFileSync(`/proc/${pid}/clear_refs`, "5"),
    stop: async () => {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
