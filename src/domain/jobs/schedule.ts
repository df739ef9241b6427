/**
 * When recurring work is due. A schedule names a job kind and either an
 * interval (`every` ms, counted from the Unix epoch) or a time of day in UTC
 * (`dailyAt` "HH:MM"). Each occurrence has a key made of the kind and the
 * occurrence's start, the same on every server that computes it: the job
 * table's unique key then lets one of them enqueue it, whoever comes first.
 */
export interface Schedule {
  kind: string;
  every?: number;
  dailyAt?: string;
  payload?: Record<string, unknown>;
}

export interface Occurrence {
  key: string;
  at: Date;
}

const day = 86_400_000;

/** The latest occurrence of `schedule` at or before `now`. */
export function latestOccurrence(schedule: Schedule, now: Date): Occurrence {
  const at = new Date(startOf(schedule, now.getTime()));
  return { key: `${schedule.kind}@${at.toISOString()}`, at };
}

function startOf(schedule: Schedule, now: number): number {
  if (schedule.every !== undefined) {
    if (!(schedule.every > 0)) throw new Error(`schedule ${schedule.kind}: every must be above zero`);
    return Math.floor(now / schedule.every) * schedule.every;
  }
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(schedule.dailyAt ?? "");
  if (!match) throw new Error(`schedule ${schedule.kind}: give every (ms) or dailyAt "HH:MM"`);
  const offset = (Number(match[1]) * 60 + Number(match[2])) * 60_000;
  const today = Math.floor(now / day) * day + offset;
  return today <= now ? today : today - day;
}

/**
 * Exponential backoff: `base` ms after the first failed attempt, doubling
 * after each further one, never above `cap`.
 */
export function exponentialBackoff(base: number, cap: number): (attempt: number) => number {
  return (attempt) => Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
}
