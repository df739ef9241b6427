import type { IsoDate } from "../status-segment.ts";
import { type FollowedSeats, stillBlockedAfter } from "./survival.ts";
import { type Weighted, weightedPercentile } from "./weighted-percentile.ts";

/**
 * Some seats of one Blocked spell: seats of an entitlement that entered
 * Blocked together (one `l1Since`) and left it together, on `endedOn`, or are
 * still Blocked at the end of the window (`endedOn` null). A spell whose seats
 * leave in steps (a split, then part unblocked) is several pieces.
 */
export interface BlockedPiece {
  tenantId: string;
  /** UTC day the seats entered Blocked. */
  since: IsoDate;
  /** UTC day they left Blocked; null: still Blocked at the end of the window. */
  endedOn: IsoDate | null;
  seats: number;
}

/** The median and 90th percentile of a seat-weighted duration in days; null without seats. */
export interface DayFigures {
  median: number | null;
  p90: number | null;
}

export interface DwellFigures {
  /** Seats Blocked at the end of the window, and how long they had been Blocked then. */
  blockedSeats: number;
  daysBlocked: DayFigures;
  /** Seats that left Blocked within the window, and how long they had been Blocked. */
  unblockedSeats: number;
  daysToUnblock: DayFigures;
  /** Seats that became Blocked within the window: the cohort the survival shares follow. */
  startedSeats: number;
  /** Share of the cohort's seats still Blocked after 30, 90 and 180 days (Kaplan-Meier); null past what was seen. */
  stillBlocked: { after30: number | null; after90: number | null; after180: number | null };
  /** Distinct tenants behind any of these figures: small cells are withheld from aggregate-only readers. */
  tenants: number;
}

/** The days the survival shares are read at. */
export const survivalDays = [30, 90, 180] as const;

const dayMs = 86_400_000;

/** Whole UTC calendar days from one date to another (YYYY-MM-DD), as the aging report counts them. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / dayMs,
  );
}

/**
 * What dwell figures are computed from: the durations of a group's pieces,
 * weighted by seats. Pieces with the same durations add up, so a database
 * can hand over these tallies instead of every piece (history-facts).
 */
export interface DwellTallies {
  /** Seats still Blocked at the end of the window, by days Blocked then. */
  open: Weighted[];
  /** Seats that left Blocked within the window, by days they were Blocked. */
  unblocked: Weighted[];
  /** Seats that became Blocked within the window, followed to their end or the window's. */
  cohort: FollowedSeats[];
  /** Distinct tenants behind any of them. */
  tenants: number;
}

/** The tallies of one group of Blocked pieces over the window `from`..`to` (inclusive UTC days). */
export function dwellTallies(
  pieces: readonly BlockedPiece[],
  window: { from: IsoDate; to: IsoDate },
): DwellTallies {
  const open = pieces.filter((piece) => piece.endedOn === null);
  const unblocked = pieces.filter(
    (piece) => piece.endedOn !== null && piece.endedOn >= window.from && piece.endedOn <= window.to,
  );
  const cohort = pieces.filter((piece) => piece.since >= window.from && piece.since <= window.to);
  return {
    open: open.map((piece) => ({ value: daysBetween(piece.since, window.to), weight: piece.seats })),
    unblocked: unblocked.map((piece) => ({
      value: daysBetween(piece.since, piece.endedOn!),
      weight: piece.seats,
    })),
    cohort: followed(cohort, window),
    tenants: new Set([...open, ...unblocked, ...cohort].map((piece) => piece.tenantId)).size,
  };
}

function followed(cohort: readonly BlockedPiece[], window: { to: IsoDate }): FollowedSeats[] {
  return cohort.map((piece) => ({
    days: daysBetween(piece.since, piece.endedOn ?? window.to),
    seats: piece.seats,
    ended: piece.endedOn !== null,
  }));
}

/** Dwell figures from a group's tallies. */
export function dwellFromTallies(tallies: DwellTallies): DwellFigures {
  const [after30, after90, after180] = stillBlockedAfter(tallies.cohort, survivalDays);
  return {
    blockedSeats: weightOf(tallies.open),
    daysBlocked: figures(tallies.open),
    unblockedSeats: weightOf(tallies.unblocked),
    daysToUnblock: figures(tallies.unblocked),
    startedSeats: tallies.cohort.reduce((sum, item) => sum + item.seats, 0),
    stillBlocked: { after30: after30 ?? null, after90: after90 ?? null, after180: after180 ?? null },
    tenants: tallies.tenants,
  };
}

/**
 * Dwell figures of one group of Blocked pieces over the window `from`..`to`
 * (inclusive UTC days). The pieces are as they stood at the end of `to`:
 * a piece still open then is Blocked at the end of the window.
 */
export function blockedDwell(
  pieces: readonly BlockedPiece[],
  window: { from: IsoDate; to: IsoDate },
): DwellFigures {
  return dwellFromTallies(dwellTallies(pieces, window));
}

function weightOf(items: readonly Weighted[]): number {
  return items.reduce((sum, item) => sum + item.weight, 0);
}

function figures(items: readonly Weighted[]): DayFigures {
  return { median: weightedPercentile(items, 0.5), p90: weightedPercentile(items, 0.9) };
}

/** The survival curve of the cohort that became Blocked within the window, at any days asked. */
export function cohortSurvival(
  pieces: readonly BlockedPiece[],
  window: { from: IsoDate; to: IsoDate },
  days: readonly number[],
): { days: number; share: number | null }[] {
  const cohort = pieces.filter((piece) => piece.since >= window.from && piece.since <= window.to);
  return survivalCurve(followed(cohort, window), days);
}

/** The survival curve of followed seats (a cohort's tallies) at any days asked. */
export function survivalCurve(
  cohort: readonly FollowedSeats[],
  days: readonly number[],
): { days: number; share: number | null }[] {
  const shares = stillBlockedAfter(cohort, days);
  return days.map((day, position) => ({ days: day, share: shares[position] ?? null }));
}
