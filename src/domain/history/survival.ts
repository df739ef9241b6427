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
 * has no estimate: null. One pass over the days seen, so a whole portfolio's
 * spells cost a sort, not a scan per day.
 */
export function stillBlockedAfter(
  items: readonly FollowedSeats[],
  points: readonly number[],
): (number | null)[] {
  const byDay = new Map<number, { ended: number; censored: number }>();
  let atRisk = 0;
  for (const item of items) {
    if (item.seats <= 0) continue;
    const day = byDay.get(item.days) ?? { ended: 0, censored: 0 };
    if (item.ended) day.ended += item.seats;
    else day.censored += item.seats;
    byDay.set(item.days, day);
    atRisk += item.seats;
  }
  const days = [...byDay.keys()].sort((a, b) => a - b);
  const longest = days.length > 0 ? days[days.length - 1]! : -1;
  // The share after each day seen, in order: seats leaving on a day were at risk on it.
  const curve: { day: number; share: number }[] = [];
  let share = 1;
  for (const day of days) {
    const { ended, censored } = byDay.get(day)!;
    if (ended > 0) share *= 1 - ended / atRisk;
    curve.push({ day, share });
    atRisk -= ended + censored;
  }
  return points.map((point) => {
    if (longest < point) return null;
    let found = 1;
    for (const step of curve) {
      if (step.day > point) break;
      found = step.share;
    }
    return found;
  });
}
