/**
 * The playbook's "Notify account team of No Intent": a status saved in the
 * Delivery stage that records No Intent seats the entitlement did not have
 * before (in that stage) hands them to the account team, who are told.
 * Restating a No Intent status, or editing its note, tells nobody again.
 */
export function handsNoIntentToAccountTeam(
  before: { stage: string; segments: readonly { l1: string }[] },
  after: { stage: string; segments: readonly { l1: string }[] },
): boolean {
  if (after.stage !== "delivery") return false;
  const noIntent = (segments: readonly { l1: string }[]) =>
    segments.some((segment) => segment.l1 === "no_intent");
  if (!noIntent(after.segments)) return false;
  return before.stage !== "delivery" || !noIntent(before.segments);
}
