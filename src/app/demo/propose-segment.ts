import type { PlaybookIndex } from "../../domain/playbook/playbook-index.ts";
import type { L1, ScenarioField, ScenarioRow, Stage } from "../../domain/playbook/playbook-schema.ts";
import { carriedValue, effectiveRule } from "../../domain/rules/scenario-fields.ts";
import type { IsoDate, ProposedSegment, SplitReason, StatusSegment } from "../../domain/status-segment.ts";
import { onePer } from "../../one-per.ts";
import { type NoteQuality, noteQuality, writeNote } from "./note-templates.ts";
import { personName } from "./people-names.ts";
import type { SeededRandom } from "./seeded-random.ts";

/**
 * Builds one plausible segment proposal for an L1 in a stage, field by field
 * from the scenario row's own rules (so it works for any playbook): required
 * fields get a value, carried ones are left to the rules, optional ones are
 * filled some of the time, forbidden ones stay empty.
 */

export interface ProposalContext {
  random: SeededRandom;
  index: PlaybookIndex;
  serviceId: string;
  stage: Stage;
  /** The day of the change. */
  date: IsoDate;
  /** The demo's today; dates of the latest change are spread around it. */
  today: IsoDate;
  /** Whether this is the entitlement's current status (dates relative to today) or an older one. */
  latest: boolean;
  previous: readonly StatusSegment[];
}

export interface SegmentPlan {
  l1: string;
  seats: number;
  splitReason: SplitReason | null;
  /** Prefix naming the part of a split ("EMEA users"). */
  part: string | null;
  /** Keep this L2 (a status that stays Blocked for the same reason across changes). */
  l2?: string | null;
  quality?: NoteQuality;
}

/** Relative weights of L2s, so common blockers are common; unknown L2s weigh 1. */
const l2Weights: Record<string, number> = {
  customer_it_infrastructure_remediation: 20,
  it_change_management_resourcing: 14,
  adoption_readiness: 12,
  product_feature_capability: 12,
  app_compatibility: 8,
  partner_engagement: 10,
  billing_licensing_subscription: 10,
  service_reliability: 5,
  legal_regulatory: 4,
  security_privacy_non_product: 5,
  customer_unresponsive: 6,
  new_subscription_or_workload: 4,
  technical_onboarding_and_deployment: 5,
  migration: 3,
  solution_or_user_adoption: 4,
  executive_sponsorship: 5,
  using_competitive_solution: 4,
  using_microsoft_on_premises_solution: 3,
};

/** Service statuses that fit each In Progress L2. */
const statusesByL2: Record<string, string[]> = {
  technical_onboarding_and_deployment: ["initiate", "assess", "remediate", "enable"],
  migration: ["migrate"],
  solution_or_user_adoption: ["adoption", "operate"],
};

const engagementWeights: Record<string, number> = {
  customer_led_with_ftp_assist: 40,
  fasttrack_delivered: 20,
  fasttrack_partner: 20,
  non_fasttrack_partner: 10,
  customer_led: 10,
};

const months = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const dayMs = 86_400_000;
const dayOfDate = new Map<IsoDate, number>();
const dateOfDay = new Map<number, IsoDate>();

/** Days since 1970-01-01 for a YYYY-MM-DD date; cached, since a big seed asks for the same few hundred days millions of times. */
function dayNumber(date: IsoDate): number {
  let day = dayOfDate.get(date);
  if (day === undefined) {
    day = Math.round(Date.parse(`${date}T00:00:00Z`) / dayMs);
    dayOfDate.set(date, day);
  }
  return day;
}

function dateOf(day: number): IsoDate {
  let date = dateOfDay.get(day);
  if (date === undefined) {
    date = new Date(day * dayMs).toISOString().slice(0, 10);
    dateOfDay.set(day, date);
  }
  return date;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOf(dayNumber(date) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The scenario row a demo status goes through: the L1's own table first, other rows now and then. */
export function chooseRow(context: ProposalContext, l1: string): ScenarioRow {
  const { rows, own, others } =
    rowChoicesOf(context.index)[context.stage].get(l1) ?? rowChoice(context.index, l1, context.stage);
  if (rows.length === 0) throw new Error(`The playbook has no scenario for ${l1} in ${context.stage}`);
  if (others.length > 0 && context.random.chance(0.15)) return context.random.pick(others);
  return context.random.pick(own.length > 0 ? own : rows);
}

/** The rows chooseRow picks from for an L1 in a stage. */
interface RowChoice {
  rows: ScenarioRow[];
  /** Rows of the L1's own table. */
  own: ScenarioRow[];
  others: ScenarioRow[];
}

function rowChoice(index: PlaybookIndex, l1: string, stage: Stage): RowChoice {
  const rows = index.scenariosFor(l1, stage).filter((row) => !row.keepExistingClassification);
  return {
    rows,
    own: rows.filter((row) => row.table === l1),
    others: rows.filter((row) => row.table !== l1),
  };
}

/** Every stage's and L1's row choice, worked out once per playbook: a big seed asks millions of times. */
const rowChoicesOf = onePer((index: PlaybookIndex): Record<Stage, Map<string, RowChoice>> => {
  const forStage = (stage: Stage) =>
    new Map(index.playbook.l1s.map((l1) => [l1.id, rowChoice(index, l1.id, stage)] as const));
  return { assignment: forStage("assignment"), delivery: forStage("delivery") };
});

export function proposeSegment(
  context: ProposalContext,
  plan: SegmentPlan,
  position: number,
): ProposedSegment {
  const { random, index } = context;
  const l1 = index.l1(plan.l1);
  if (!l1) throw new Error(`Unknown L1 ${plan.l1}`);
  const row = chooseRow(context, l1.id);
  const proposed: ProposedSegment = {
    seats: plan.seats,
    l1: l1.id,
    scenarioId: row.id,
    splitReason: plan.splitReason,
  };
  const wants = (field: ScenarioField, optionalChance: number): boolean => {
    const rule = effectiveRule(index, row, field);
    if (rule === "forbidden") return false;
    if (rule === "carry") return carriedValue(context.previous, l1.id, position, field) === undefined;
    if (rule === "required") return true;
    return random.chance(optionalChance);
  };
  const hasDefault = (field: ScenarioField) => Boolean(row.fields[field].default);

  if (wants("l2", 0.8)) proposed.l2 = plan.l2 ?? pickL2(random, l1);
  const l2 = proposed.l2 ?? null;
  if (l2 && wants("l3", 0.7)) proposed.l3 = pickL3(context, l1, l2);
  if (wants("serviceStatus", 0.5)) proposed.serviceStatus = pickServiceStatus(random, context, row, l2);
  if (wants("engagementScenario", 0.6)) proposed.engagementScenario = pickEngagement(random, context, row);
  if (wants("targetDate", 0.5)) proposed.targetDate = targetDate(context);
  if (wants("owner", 0.3) && !(hasDefault("owner") && random.chance(0.55))) {
    proposed.owner = personName(random);
  }
  const quality = plan.quality ?? noteQuality(random);
  if (wants("note", 0.6)) {
    const slots = {
      service: index.service(context.serviceId)?.name ?? context.serviceId,
      month: monthAfter(context.date, random),
    };
    const note = writeNote(random, { l1: l1.id, l2, quality, slots });
    proposed.note = plan.part ? `${plan.part}: ${note}` : note;
  }
  if (wants("nextActionDate", 0.6)) proposed.nextActionDate = nextActionDate(context);
  if (wants("nextAction", 0.4) && !(hasDefault("nextAction") && random.chance(0.7))) {
    proposed.nextAction = random.pick(nextActions);
  }
  return proposed;
}

const nextActions = [
  "Call the IT lead to confirm the plan",
  "Send the readiness checklist",
  "Review progress with the customer sponsor",
  "Confirm the pilot group with IT",
  "Ask the account team for an executive contact",
  "Check the remediation plan with the engineer",
];

export function pickL2(random: SeededRandom, l1: L1): string | null {
  if (l1.l2s.length === 0) return null;
  return random.weighted(l2ChoicesOf(l1));
}

/** Each L1's weighted L2s, made once (the seed picks millions of times). */
const l2ChoicesOf = onePer((l1: L1) => l1.l2s.map((l2) => [l2.id, l2Weights[l2.id] ?? 1] as const));

/** Some statuses carry an L3; service-specific ones are preferred when the service has them. */
function pickL3(context: ProposalContext, l1: L1, l2Id: string): string | null {
  const l2 = l1.l2s.find((candidate) => candidate.id === l2Id);
  if (!l2 || l2.l3 === "none") return null;
  const offered = context.index.l3sFor(l1.id, l2Id, context.serviceId);
  if (offered.length === 0) return null;
  const specific = offered.filter((l3) => l3.services.length > 0);
  const pool = specific.length > 0 && context.random.chance(0.5) ? specific : offered;
  return context.random.pick(pool).id;
}

function pickServiceStatus(
  random: SeededRandom,
  context: ProposalContext,
  row: ScenarioRow,
  l2: string | null,
) {
  const allowed = row.fields.serviceStatus.allowed;
  if (allowed.length > 0) return random.pick(allowed);
  const fitting =
    (l2 && statusesByL2[l2]) || context.index.playbook.serviceStatuses.map((status) => status.id);
  return random.pick(fitting);
}

function pickEngagement(random: SeededRandom, context: ProposalContext, row: ScenarioRow) {
  return random.weighted(engagementChoicesOf(context.index)(row));
}

/** Each scenario row's weighted engagement scenarios, made once per playbook and row. */
const engagementChoicesOf = onePer((index: PlaybookIndex) =>
  onePer((row: ScenarioRow) => {
    const allowed = row.fields.engagementScenario.allowed;
    const ids = allowed.length > 0 ? allowed : index.playbook.engagementScenarios.map((s) => s.id);
    return ids.map((id) => [id, engagementWeights[id] ?? 5] as const);
  }),
);

/**
 * Target dates are never before the day of the change. The current status
 * mostly aims at the months ahead; a few, set a while ago, have slipped past.
 */
function targetDate(context: ProposalContext): IsoDate {
  const { random, date, today } = context;
  if (!context.latest) return addDays(date, random.int(14, 200));
  const age = daysBetween(date, today);
  if (age > 45 && random.chance(0.2)) return addDays(date, random.int(14, age - 1));
  return addDays(today, random.int(7, 270));
}

/** Next actions follow the change by days to weeks; for the current status about one in five is overdue. */
function nextActionDate(context: ProposalContext): IsoDate {
  const { random, date, today } = context;
  if (!context.latest) return addDays(date, random.int(3, 30));
  const age = daysBetween(date, today);
  if (age > 1 && random.chance(0.2)) return addDays(date, random.int(1, Math.min(age - 1, 30)));
  return addDays(today, random.int(1, 45));
}

function monthAfter(date: IsoDate, random: SeededRandom): string {
  const month = Number(addDays(date, random.int(20, 120)).slice(5, 7));
  return months[month - 1]!;
}
