import { whyRequiredL1s } from "../../domain/rules/note-quality.ts";
import type { SeededRandom } from "./seeded-random.ts";

/**
 * Status notes for the demo portfolio, written in the playbook's slot style
 * ("Blocked: [issue] stops deployment; [limitation]; clears when [resolution]")
 * in Unblock's own words. Most are good; some are marginal (intent without a
 * reason, hedged, buried in logistics) and a few poor (bare status), so the
 * note linter and the reports have something to find. Blocked and No Intent
 * never get a poor note: the rules refuse them (the playbook requires the why),
 * so those fall back to a marginal one.
 */
export type NoteQuality = "good" | "marginal" | "poor";

export interface NoteSlots {
  service: string;
  /** Month name near the change date, for "clears in March". */
  month: string;
}

type Template = (slots: NoteSlots, random: SeededRandom) => string;

const sites = [
  "Warsaw branch",
  "head office",
  "Lyon plant",
  "Singapore hub",
  "Toronto campus",
  "regional stores",
];
const site = (random: SeededRandom) => random.pick(sites);

const blockedGood: Record<string, Template[]> = {
  customer_it_infrastructure_remediation: [
    (s, r) =>
      `Blocked: the ${site(r)} proxy cannot carry ${s.service} traffic at the bandwidth needed; clears when the network refresh lands in ${s.month}.`,
    (s, r) =>
      `Blocked because the on-premises directory has ${r.int(2, 5)} forests that must be merged before ${s.service} can sync; unblocks once the identity project consolidates them.`,
    (s, r) =>
      `Unable to roll out ${s.service}: ${r.int(15, 60)}% of desktops run an unsupported build; clears when the hardware refresh finishes in ${s.month}.`,
  ],
  it_change_management_resourcing: [
    (s) =>
      `Blocked: no administrator is free to run the ${s.service} rollout since two engineers left; clears when the backfill starts in ${s.month}.`,
    (s) =>
      `Blocked due to a freeze on tenant changes until the ${s.month} audit; ${s.service} resumes once the change board signs off.`,
    (s) =>
      `Unable to start ${s.service} because the approved budget is not released until the new fiscal year.`,
  ],
  adoption_readiness: [
    (s) =>
      `Blocked: there is no end-user training plan for ${s.service}, so the business will not move users; clears once the sponsor names an adoption champion.`,
    (s, r) =>
      `Blocked because the works council has not approved ${s.service} for ${r.int(200, 3000)} shop-floor staff; expected to clear after the ${s.month} council meeting.`,
  ],
  product_feature_capability: [
    (s) =>
      `Blocked: ${s.service} has no in-country data residency, which the board requires; clears when the in-region option ships.`,
    (s) =>
      `Unable to deploy ${s.service} because a required admin control is missing; feature request filed, unblocks when it is delivered.`,
  ],
  app_compatibility: [
    (s, r) =>
      `Blocked: ${r.int(3, 40)} line-of-business add-ins fail under ${s.service}; clears when the app compatibility team certifies fixes.`,
    (s) =>
      `Blocked because the claims system's macros break on the new client build; the vendor patch is due in ${s.month}.`,
  ],
  partner_engagement: [
    (s) =>
      `Blocked: the contracted partner has no engineer free for ${s.service}; clears when the partner manager assigns one.`,
    (s) =>
      `Blocked because the partner's statement of work excludes ${s.service}; unblocks once the contract is amended in ${s.month}.`,
  ],
  billing_licensing_subscription: [
    (s) =>
      `Blocked: after the merger the licences sit on the wrong tenant, so ${s.service} cannot be assigned; clears when licensing moves them.`,
    (s) =>
      `Blocked because the customer bought a SKU without ${s.service}; the seller corrects it at the ${s.month} true-up.`,
  ],
  service_reliability: [
    (s) =>
      `Blocked: two outages last quarter made the CIO pause ${s.service}; clears after the service health review with our specialist.`,
  ],
  legal_regulatory: [
    (s) =>
      `Blocked: the regulator has not approved keeping client records in the cloud, so ${s.service} cannot go live; clears when approval arrives.`,
  ],
  security_privacy_non_product: [
    (s) =>
      `Blocked: the security officer refuses external sharing in ${s.service} until the controls are reviewed; clears after the compliance report walkthrough.`,
  ],
};

const noIntentGood: Record<string, Template[]> = {
  executive_sponsorship: [
    (s) =>
      `No intent for ${s.service}: no business owner will sponsor it, as leadership sees no need beyond mail and files.`,
    (s) =>
      `No intent: the new leadership dropped ${s.service} from the roadmap after the reorganisation, so nobody owns it.`,
  ],
  using_competitive_solution: [
    (s) =>
      `No intent for ${s.service}: the customer standardised on a rival product last year and sees no value in running two.`,
    (s) =>
      `Not interested in ${s.service} because a competing tool is embedded in every department's workflow.`,
  ],
  using_microsoft_on_premises_solution: [
    (s) =>
      `No intent: the customer keeps its on-premises equivalent of ${s.service} because it renewed that hardware last year.`,
    (s) =>
      `No intent for ${s.service}: operations want full control of upgrade timing and stay on their own servers.`,
  ],
};

const statusUnknownGood: Record<string, Template[]> = {
  customer_unresponsive: [
    (_s, r) =>
      `No reply after ${r.int(3, 7)} attempts via email and phone to the IT lead; unmanaged account.`,
    (_s, r) =>
      `Unresponsive after ${r.int(3, 6)} attempts (emails and calls to two contacts); managed account, asked the account team for another contact.`,
  ],
  new_subscription_or_workload: [
    (s) =>
      `New ${s.service} seats arrived this month; intent not asked yet, first contact goes to the IT lead.`,
    (s, r) =>
      `${r.int(50, 900)} ${s.service} seats added at renewal; nobody has asked the customer about them yet.`,
  ],
};

const good: Record<string, Template[]> = {
  in_progress: [
    (s, r) =>
      `Deploying ${s.service}; at pilot with ${r.int(20, 400)} users; wider rollout follows the pilot review.`,
    (s, r) =>
      `Onboarding under way: hybrid set up, the first ${r.int(50, 900)} ${s.service} users move next.`,
    (s, r) => `Migrating ${s.service} content in waves; ${r.int(2, 9)} of ${r.int(10, 14)} waves done.`,
    (s, r) =>
      `Adoption phase: ${s.service} enabled for all users, champions running sessions at the ${site(r)}.`,
  ],
  duplicate_invalid: [
    () =>
      "Duplicate: these seats are counted again on the parent tenant after the licence remap; the donor tenant is retired.",
    () => "Invalid: this is a partner test tenant with no real users, flagged by the account team.",
    () => "Duplicate: the subscription was cancelled and bought again on the main tenant.",
  ],
};

const marginal: Record<string, Template[]> = {
  blocked: [
    () => "Blocked by network issues.",
    (s) => `Cannot deploy ${s.service} for now because of a legal review.`,
    () =>
      "Blocked. Had a call with IT on Monday and another on Thursday; they will discuss internally with the partner and several teams and come back to us with options next month.",
  ],
  no_intent: [
    () => "No intent until the reorganisation ends.",
    () => "Not interested currently; they prefer their current tool.",
  ],
  status_unknown: [() => "Unresponsive to several emails.", () => "Trying to reach the customer."],
  in_progress: [() => "In progress, going well so far.", (s) => `Working on ${s.service} with the customer.`],
  duplicate_invalid: [() => "Looks like a duplicate of another tenant."],
};

const poor: Record<string, Template[]> = {
  status_unknown: [() => "Customer unresponsive."],
  in_progress: [() => "In Progress.", () => "Usage 0%."],
  duplicate_invalid: [() => "dup"],
};

export function writeNote(
  random: SeededRandom,
  input: { l1: string; l2: string | null; quality: NoteQuality; slots: NoteSlots },
): string {
  const { l1, l2, slots } = input;
  const quality = input.quality === "poor" && whyRequiredL1s.has(l1) ? "marginal" : input.quality;
  const list =
    quality === "poor"
      ? poor[l1]
      : quality === "marginal"
        ? marginal[l1]
        : l1 === "blocked"
          ? blockedGood[l2 ?? ""]
          : l1 === "no_intent"
            ? noIntentGood[l2 ?? ""]
            : l1 === "status_unknown"
              ? statusUnknownGood[l2 ?? ""]
              : good[l1];
  // An L2 a deployment's own playbook adds has no template: a plain sentence still passes the rules.
  if (!list || list.length === 0) return `${slots.service}: status recorded for the demo.`;
  return random.pick(list)(slots, random);
}

export function noteQuality(random: SeededRandom): NoteQuality {
  return random.weighted<NoteQuality>([
    ["good", 70],
    ["marginal", 22],
    ["poor", 8],
  ]);
}

/** What a split segment's note starts with, so the parts of a service read differently. */
export const splitParts = {
  geography: ["EMEA users", "North America users", "APAC users", "Head office", "Branch offices"],
  operating_company: ["Retail subsidiary", "Manufacturing division", "Parent company", "Acquired subsidiary"],
  duplicate_entitlement: ["Seats from the older bundle", "Seats from the upgrade"],
} as const;
