/** A value counted `weight` times: a duration in days weighted by the seats it covers. */
export interface Weighted {
  value: number;
  weight: number;
}

/**
 * The seat-weighted percentile `p` (0 < p <= 1): the smallest value at which
 * the weights of the values up to it reach p of all the weight. With seats as
 * weights, "median 12 days" means half of the seats took 12 days or less.
 * The lower value wins a tie (an even split gives the smaller of the two), so
 * a figure is always one of the durations seen and easy to check by hand.
 * Null without any weight.
 */
export function weightedPercentile(items: readonly Weighted[], p: number): number | null {
  if (!(p > 0 && p <= 1)) throw new Error("p must be above 0 and at most 1");
  const kept = items.filter((item) => item.weight > 0).sort((a, b) => a.value - b.value);
  const total = kept.reduce((sum, item) => sum + item.weight, 0);
  if (total === 0) return null;
  const needed = p * total;
  let running = 0;
  for (const item of kept) {
    running += item.weight;
    // A small tolerance: p * total in floating point may sit a hair above an exact running sum.
    if (running >= needed - 1e-9) return item.value;
  }
  return kept[kept.length - 1]!.value;
}
