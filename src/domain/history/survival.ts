/** Seats followed for `days`: they left Blocked then (`ended`), or were still Blocked when the window closed. */
export interface FollowedSeats {
  days: number;
  seats: number;
  ended: boolean;
}

/**
 * The seat-weighted Kaplan-Meier estimate of the share of seats still Blocked
 * after each of `points` days. Seats still Blocked at the end of the window
 * (censored) count as at risk up to the day they were last seen, then leave
 * the count without counting as unblocked, so a recent cohort is not read as
 * "never unblocks". Seats that leave on day d are no longer Blocked after d.
 *
 * A point no seat was followed to (every one ended or was censored before it)
 * has no estimate: null.
 */
export function stillBlockedAfter(
  items: readonly FollowedSeats[],
  points: readonly number[],
): (number | null)[] {
  const kept = items.filter((item) => item.seats > 0);
  const eventDays = [...new Set(kept.filter((item) => item.ended).map((item) => item.days))].sort(
    (a, b) => a - b,
  );
  const longest = kept.reduce((most, item) => Math.max(most, item.days), -1);
  return points.map((point) => {
    if (kept.length === 0 || longest < point) return null;
    let share = 1;
    for (const day of eventDays) {
      if (day > point) break;
      const atRisk = sumSeats(kept, (item) => item.days >= day);
      const left = sumSeats(kept, (item) => item.ended && item.days === day);
      if (atRisk > 0) share *= 1 - left / atRisk;
    }
    return share;
  });
}

function sumSeats(items: readonly FollowedSeats[], keep: (item: FollowedSeats) => boolean): number {
  return items.reduce((sum, item) => (keep(item) ? sum + item.seats : sum), 0);
}
