/** The L1s whose seats the Delivery stage hands to the account team. */
export const handedToAccountTeam = ["no_intent", "blocked"] as const;
export type HandedL1 = (typeof handedToAccountTeam)[number];

type Status = { stage: string; segments: readonly { l1: string }[] };

/**
 * The playbook's "Notify account team" (No Intent) and its Delivery-stage
 * Blocked scenario, whose owner is the account team: a status saved in the
 * Delivery stage that records No Intent or Blocked seats the entitlement did
 * not have in that stage before hands them to the account team, who are told.
 * Returns the L1s handed over by this change, in the order above. Restating
 * the same status, or editing its note, hands nothing over again.
 */
export function accountTeamHandovers(before: Status, after: Status): HandedL1[] {
  if (after.stage !== "delivery") return [];
  const has = (status: Status, l1: string) => status.segments.some((segment) => segment.l1 === l1);
  return handedToAccountTeam.filter(
    (l1) => has(after, l1) && (before.stage !== "delivery" || !has(before, l1)),
  );
}
