/**
 * A closed-loop load generator: `concurrency` workers each send the next
 * request as soon as their previous one answered, until `requests` have been
 * measured or `maxSeconds` have passed. Latencies are per request, measured on
 * this side (they include the client and the network stack, both ways).
 */

export interface LoadOptions {
  concurrency: number;
  /** Requests to measure (after the warm-up). */
  requests: number;
  /** Requests sent first and not measured: connections, caches, JIT. */
  warmup: number;
  /** Stop early after this long, with what was measured so far. */
  maxSeconds: number;
}

export interface LoadResult {
  concurrency: number;
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  firstError?: string;
}

/** One request; `index` counts from 0 across all workers (warm-up requests included). */
export type LoadTask = (index: number) => Promise<void>;

export async function runLoad(task: LoadTask, options: LoadOptions): Promise<LoadResult> {
  const [result] = await runSideBySide([task], options);
  return result!;
}

/**
 * Several loads run as one: each worker's turn sends one request of every
 * task, in an order that rotates from turn to turn, and each task's latencies
 * are kept apart. The SQL and the HTTP of a read so meet the same machine,
 * request by request, on a machine whose load drifts from second to second;
 * timed one after the other, a drift between the two phases showed up as a
 * ratio. `requests` counts turns: each task is measured that many times.
 */
export async function runSideBySide(tasks: readonly LoadTask[], options: LoadOptions): Promise<LoadResult[]> {
  let next = 0;
  const order = (turn: number) => tasks.map((_, at) => (at + turn) % tasks.length);
  const warm = async (total: number) => {
    const worker = async () => {
      while (next < total) {
        const index = next++;
        for (const at of order(index)) await tasks[at]!(index).catch(() => undefined);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  };
  await warm(options.warmup);

  const measured = tasks.map(() => ({
    latencies: [] as number[],
    errors: 0,
    firstError: undefined as string | undefined,
  }));
  const started = performance.now();
  const deadline = started + options.maxSeconds * 1000;
  const end = next + options.requests;
  const worker = async () => {
    while (next < end && performance.now() < deadline) {
      const index = next++;
      for (const at of order(index)) {
        const into = measured[at]!;
        const begin = performance.now();
        try {
          await tasks[at]!(index);
          into.latencies.push(performance.now() - begin);
        } catch (error) {
          into.errors += 1;
          into.firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return measured.map(({ latencies, errors, firstError }) => {
    latencies.sort((a, b) => a - b);
    return {
      concurrency: options.concurrency,
      requests: latencies.length,
      errors,
      seconds,
      perSecond: latencies.length / seconds,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      mean: latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, latencies.length),
      ...(firstError ? { firstError } : {}),
    };
  });
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1]!;
}
