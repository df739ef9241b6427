/** A share of seats as people read it: one decimal under 10%, whole from there. */
export function shareText(percent: number): string {
  return percent < 10 ? `${Math.round(percent * 10) / 10}%` : `${Math.round(percent)}%`;
}
