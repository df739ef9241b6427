import type { AppDeps } from "../src/app/app-deps.ts";
import { raiseRuleEscalations } from "../src/app/escalations/escalation-rules-job.ts";

/**
 * Raises every escalation the playbook's rules call for, as the server's
 * `escalation.rules` job would. A fresh seed holds thousands of entitlements
 * Blocked past the rule's days and none raised (7,000 at 10,000 tenants); the
 * job raises 200 a round and runs again at once, so a server started on that
 * seed spends its first hours on them: 10-20% of its CPU even with no request,
 * and a transaction per raise in the database, while the reads are timed.
 * Raised here first, the timed run meets the server as it runs day to day.
 *
 * At most `maxSeconds` a run: a fresh 100,000-tenant seed holds about
 * 140,000 (an hour at 2,400 a minute, load 10). What is raised stays raised,
 * so each run takes a share until none is left; `more` says when some were
 * left to the server's job, which then runs while the reads are timed.
 */
export async function escalationBacklog(
  deps: AppDeps,
  progress: (raised: number) => void = () => undefined,
  maxSeconds = 180,
): Promise<{ raised: number; seconds: number; more: boolean }> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  let raised = 0;
  for (;;) {
    const round = await raiseRuleEscalations(deps);
    raised += round.raised;
    progress(raised);
    // A round that raised nothing would find the same candidates again: stop rather than spin.
    if (!round.more || round.raised === 0) return { raised, seconds: seconds(), more: false };
    if (seconds() >= maxSeconds) return { raised, seconds: seconds(), more: true };
  }
}
