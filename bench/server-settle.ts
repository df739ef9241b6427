import { readFileSync } from "node:fs";
import type { BenchSession } from "./bench-session.ts";

/** CPU seconds (user + system) the process has used, from /proc (Linux, as the server's RSS). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Waits until a freshly started server has done what it does once at start:
 * its job runner enqueues every schedule's current occurrence and runs those
 * due at once (the hourly escalation rules scan every Blocked segment: 2.6 s
 * at 10,000 tenants, load 10), the first note-index round and the like. The
 * first read timed used to meet all of it. Quiet means no job due or
 * running, and under 5% of a core used by the server, twice in a row half a
 * second apart (so that the runner's first round has been and gone); at most
 * `maxSeconds`. Returns the seconds waited.
 */
export async function waitUntilServerSettles(
  session: BenchSession,
  pid: number,
  maxSeconds = 60,
): Promise<number> {
  const started = performance.now();
  const interval = 500;
  let quietRounds = 0;
  let cpu = cpuSecondsOf(pid);
  while (quietRounds < 2 && performance.now() - started < maxSeconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, interval));
    const now = cpuSecondsOf(pid);
    const busy = (now - cpu) / (interval / 1000);
    cpu = now;
    const { rows } = await session.query(
      "select count(*)::int as due from jobs where state = 'running' or (state = 'queued' and run_at <= now())",
      [],
    );
    const due = (rows[0] as { due: number }).due;
    quietRounds = due === 0 && busy < 0.05 ? quietRounds + 1 : 0;
  }
  return (performance.now() - started) / 1000;
}
