import { l1SinceFor } from "../../db/repositories/segment-repository.ts";
import type { PlaybookIndex } from "../../domain/playbook/playbook-index.ts";
import type { Stage } from "../../domain/playbook/playbook-schema.ts";
import { evaluateStatus } from "../../domain/rules/evaluate-status.ts";
import type { IsoDate, ProposedSegment, SplitReason, StatusSegment } from "../../domain/status-segment.ts";
import type { StoredSegment } from "../../http/schemas/entitlements.ts";
import { onePer } from "../../one-per.ts";
import { splitParts } from "./note-templates.ts";
import { addDays, pickL2, proposeSegment, type SegmentPlan } from "./propose-segment.ts";
import type { SeededRandom } from "./seeded-random.ts";
import { storedSegments } from "./stored-segments.ts";

/** One recorded change of an entitlement's status. */
export interface JourneyStep {
  at: Date;
  stage: Stage;
  actorRole: string;
  segments: StoredSegment[];
}

export interface JourneyInput {
  random: SeededRandom;
  index: PlaybookIndex;
  serviceId: string;
  availableSeats: number;
  stage: Stage;
  today: IsoDate;
  /** Judge every step with evaluateStatus instead of building what it would store (tests compare the two). */
  judgeEveryStatus?: boolean;
}

/** How the current status of a service is spread over the L1s, per stage. */
const l1Weights: Record<Stage, Record<string, number>> = {
  assignment: { in_progress: 34, status_unknown: 26, blocked: 20, no_intent: 15, duplicate_invalid: 5 },
  delivery: { in_progress: 52, blocked: 27, no_intent: 10, status_unknown: 8, duplicate_invalid: 3 },
};

/** Where a service's story usually starts. */
const firstL1Weights: Record<string, number> = {
  status_unknown: 45,
  in_progress: 35,
  blocked: 15,
  no_intent: 5,
};

/**
 * The status history of one entitlement over the past year, ending in its
 * current status: one to five changes, each one the rules accept on the day
 * it was made (stored as evaluateStatus would store it, see storedSegments),
 * with the stage handed over from Assignment to Delivery along the way.
 */
export function statusJourney(input: JourneyInput): JourneyStep[] {
  const { random, index, today } = input;
  const count = random.weighted([
    [1, 55],
    [2, 25],
    [3, 12],
    [4, 5],
    [5, 3],
  ] as const);
  const dates = changeDates(random, today, count);
  const handover = input.stage === "delivery" && dates.length > 1 ? random.int(1, dates.length - 1) : 0;

  const finalPlans = currentPlans(input);
  const plans: SegmentPlan[][] = dates.map((_, step) =>
    step === dates.length - 1
      ? finalPlans
      : [
          {
            l1: pickL1(input, step === 0 ? firstL1Weights : null),
            seats: input.availableSeats,
            splitReason: null,
            part: null,
          },
        ],
  );
  // Blockers often last: the change before a Blocked status was often Blocked for the same reason.
  const last = finalPlans[0]!;
  if (plans.length > 1 && last.l1 === "blocked" && random.chance(0.4)) {
    last.l2 = pickL2(random, index.l1("blocked")!);
    plans[plans.length - 2] = [{ ...last, seats: input.availableSeats, splitReason: null, part: null }];
  }

  const steps: JourneyStep[] = [];
  let previous: StoredSegment[] = [];
  dates.forEach((date, step) => {
    const stage: Stage = step < handover ? "assignment" : input.stage;
    const latest = step === dates.length - 1;
    const context = { random, index, serviceId: input.serviceId, stage, date, today, latest, previous };
    const proposed = plans[step]!.map((plan, position) => proposeSegment(context, plan, position));
    const actorRole = recordingRole(
      index,
      proposed.map((segment) => segment.scenarioId ?? ""),
    );
    const stored =
      (input.judgeEveryStatus ? null : storedSegments(index, previous, proposed)) ??
      judged(input, { stage, actorRole, previous, proposed, date });
    const at = new Date(
      `${date}T${String(random.int(8, 17)).padStart(2, "0")}:${String(random.int(0, 59)).padStart(2, "0")}:00.000Z`,
    );
    const since = l1SinceFor(previous, stored, at);
    // Object.assign rather than a spread: several times faster in V8 for objects this wide, and the
    // seed makes millions of them.
    const segments: StoredSegment[] = stored.map((segment, position) =>
      Object.assign({}, segment, { l1Since: since[position]! }),
    );
    steps.push({ at, stage, actorRole, segments });
    previous = segments;
  });
  return steps;
}

/** The segments evaluateStatus stores for a proposal it accepts; a refusal is a generator bug. */
function judged(
  input: JourneyInput,
  change: {
    stage: Stage;
    actorRole: string;
    previous: StoredSegment[];
    proposed: ProposedSegment[];
    date: IsoDate;
  },
): StatusSegment[] {
  const decision = evaluateStatus({
    index: input.index,
    serviceId: input.serviceId,
    stage: change.stage,
    actorRole: change.actorRole,
    availableSeats: input.availableSeats,
    previous: change.previous,
    proposed: change.proposed,
    today: change.date,
  });
  if (!decision.ok) {
    throw new Error(
      `Demo status for ${input.serviceId} on ${change.date} breaks the rules: ${JSON.stringify(decision.violations)}`,
    );
  }
  return decision.segments;
}

/** Change days, oldest first: the latest mostly in the last three months, earlier ones across the year. */
function changeDates(random: SeededRandom, today: IsoDate, count: number): IsoDate[] {
  const lastAgo = random.weighted([
    [random.int(1, 30), 45],
    [random.int(31, 90), 30],
    [random.int(91, 300), 25],
  ] as const);
  const earlier = new Set<number>();
  const room = 364 - lastAgo;
  while (earlier.size < Math.min(count - 1, room)) earlier.add(random.int(lastAgo + 1, 364));
  return [...earlier, lastAgo].sort((a, b) => b - a).map((ago) => addDays(today, -ago));
}

/** The current status: usually one segment, sometimes the seats split by geography or operating company. */
function currentPlans(input: JourneyInput): SegmentPlan[] {
  const { random } = input;
  const seats = input.availableSeats;
  if (seats < 50 || !random.chance(0.09)) {
    return [{ l1: pickL1(input, null), seats, splitReason: null, part: null }];
  }
  const reason = random.weighted<SplitReason>([
    ["geography", 55],
    ["operating_company", 40],
    ["duplicate_entitlement", 5],
  ]);
  const count = random.chance(0.15) && seats >= 100 ? 3 : 2;
  const parts = random.sample(splitParts[reason], count);
  const shares: number[] = [];
  let left = seats;
  for (let position = 0; position < count - 1; position += 1) {
    const share = Math.max(
      1,
      Math.min(left - (count - 1 - position), Math.round(left * (0.3 + random.next() * 0.4))),
    );
    shares.push(share);
    left -= share;
  }
  shares.push(left);
  return shares.map((share, position) => ({
    l1: pickL1(input, null),
    seats: share,
    splitReason: reason,
    part: parts[position] ?? `Part ${position + 1}`,
  }));
}

function pickL1(input: JourneyInput, weights: Record<string, number> | null): string {
  const table = weights ?? l1Weights[input.stage];
  return input.random.weighted(l1ChoicesOf(input.index)(table));
}

/** The playbook's L1s with the weights of each table above, made once per playbook and table. */
const l1ChoicesOf = onePer((index: PlaybookIndex) =>
  onePer((table: Record<string, number>) =>
    index.playbook.l1s.map((l1) => [l1.id, table[l1.id] ?? 1] as const),
  ),
);

/** Who records a status: the role the rows name (all the same in the default playbook), else the admin. */
function recordingRole(index: PlaybookIndex, scenarioIds: string[]): string {
  const roles = new Set(scenarioIds.map((id) => index.scenario(id)?.updatedBy[0] ?? "admin"));
  return roles.size === 1 ? [...roles][0]! : "admin";
}
