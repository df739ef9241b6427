import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./free-port.ts";

const run = promisify(execFile);

/**
 * A throw-away primary and its streaming replica on 127.0.0.1, each its own
 * PostgreSQL cluster (initdb, then pg_basebackup -R) in one temporary
 * directory, started with pg_ctl and stopped and deleted by stop(). PostgreSQL
 * refuses to run as root, so as root the binaries run as the `postgres` user,
 * who owns the directory.
 */
export interface ReplicaCluster {
  primaryUrl: string;
  replicaUrl: string;
  stop(): Promise<void>;
}

/** The newest installed PostgreSQL's bin directory (Debian keeps them per version), or null. */
export function postgresBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const bin = join(root, version, "bin");
    if (["initdb", "pg_ctl", "pg_basebackup", "pg_isready"].every((tool) => existsSync(join(bin, tool))))
      return bin;
  }
  return null;
}

export async function startReplicaCluster(bin: string): Promise<ReplicaCluster> {
  const dir = mkdtempSync(join(tmpdir(), "unblock-replica-"));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? await postgresUser() : null;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const tool = (name: string, args: string[]) =>
    owner
      ? run("runuser", ["-u", "postgres", "--", join(bin, name), ...args], { cwd: dir })
      : run(join(bin, name), args, { cwd: dir });
  const primary = { data: join(dir, "primary"), port: await freePort() };
  const replica = { data: join(dir, "replica"), port: await freePort() };
  const started: { data: string }[] = [];
  const stop = async () => {
    for (const cluster of started.reverse()) {
      await tool("pg_ctl", ["stop", "-D", cluster.data, "-m", "immediate", "-w"]).catch(() => undefined);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Sockets in the temporary directory: nothing shared with the machine's own server.
  const start = async (cluster: { data: string; port: number }) => {
    const options = `-p ${cluster.port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    await tool("pg_ctl", ["start", "-D", cluster.data, "-l", `${cluster.data}.log`, "-o", options]);
    started.push(cluster);
    await waitUntilReady(() => tool("pg_isready", ["-h", "127.0.0.1", "-p", String(cluster.port)]));
  };
  try {
    await tool("initdb", ["-D", primary.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"]);
    await start(primary);
    const admin = new pg.Client({ connectionString: urlOf(primary.port, "postgres") });
    await admin.connect();
    await admin.query("create database unblock");
    await admin.end();
    // -R writes the standby's connection settings and standby.signal: it starts as a streaming replica.
    await tool("pg_basebackup", [
      ...["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres"],
      ...["-D", replica.data, "-R", "-X", "stream", "-c", "fast"],
    ]);
    await start(replica);
  } catch (error) {
    await stop();
    throw error;
  }
  return { primaryUrl: urlOf(primary.port, "unblock"), replicaUrl: urlOf(replica.port, "unblock"), stop };
}

function urlOf(port: number, database: string): string {
  return `postgres://postgres@127.0.0.1:${port}/${database}`;
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Polls until `probe` succeeds (pg_isready exits 0 once connections are accepted), for up to a minute. */
async function waitUntilReady(probe: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await probe();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
