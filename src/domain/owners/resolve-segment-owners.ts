import { type SaidViolation, saidViolation } from "../app-error.ts";
import type { ErrorMessageKey } from "../i18n/error-messages-en.ts";
import type { Language } from "../i18n/languages.ts";
import { errorText, labelText } from "../i18n/server-texts.ts";
import type { ProposedSegmentWithOwner as ProposedSegment, StatusSegment } from "../status-segment.ts";
import type { Violation } from "../violation.ts";
import {
  type OwnerPerson,
  type OwnerRef,
  type OwnerTeam,
  ownerOfText,
  personOwner,
  type ResolvedOwner,
  teamOwner,
  textOwner,
} from "./segment-owner.ts";

/** What resolving the owners of one entitlement's segments needs to know. */
export interface OwnerContext {
  /** The teams an owner may be (ownerTeamsOf). */
  teams: OwnerTeam[];
  /** People assigned to the tenant or to its customer: the ones a person owner may be. */
  assigned: OwnerPerson[];
  /** Other users an owner text or reference names (by email, name or id). */
  named: OwnerPerson[];
  /** Owners of the stored segments: they stay owner though no longer assigned. */
  keptUserIds: ReadonlySet<string>;
}

export interface OwnerOutcome<T> {
  segments: T[];
  /** The problems in English (an import's row errors, the CLI). */
  violations: Violation[];
  /** The same problems, said in the asker's language by a refusal (docs/I18N.md). */
  said: SaidViolation[];
  /** Who may be chosen instead, when a person was refused, in English. */
  instead: string[];
  /** The same choices with teams named in the asker's language. */
  insteadIn: (language: Language) => string[];
}

/** A problem of one segment's owner: its sentence from the error catalogue. */
function problemOf(field: string, code: string, key: ErrorMessageKey, values: Record<string, string>) {
  return saidViolation(field, code, key, values);
}

function outcomeOf<T>(segments: T[], said: SaidViolation[], context: OwnerContext): OwnerOutcome<T> {
  const violations = said.map(({ field, code, said: key, values }) => ({
    field,
    code,
    message: errorText.say("en", key, values as Record<string, string>),
  }));
  const insteadIn = (language: Language) => (said.length > 0 ? ownerChoices(context, language) : []);
  return { segments, violations, said, instead: insteadIn("en"), insteadIn };
}

function findPerson(context: OwnerContext, userId: string): OwnerPerson | undefined {
  return (
    context.assigned.find((person) => person.id === userId) ??
    context.named.find((person) => person.id === userId)
  );
}

/** Who may own these seats, in words: the teams, then the assigned people. */
export function ownerChoices(context: OwnerContext, language: Language = "en"): string[] {
  const people = [...new Map(context.assigned.map((person) => [person.id, person])).values()];
  return [
    ...context.teams.map((team) => labelText.say(language, "owner_team", { team: team.name })),
    ...people.map((person) => `${person.name} <${person.email}>`),
  ];
}

/**
 * Before the rules: a structured owner gives the segment its owner text, so
 * the playbook's owner rule (required, forbidden) judges it like a typed one.
 */
export function ownerTextsOfRefs(
  proposed: readonly ProposedSegment[],
  context: OwnerContext,
): OwnerOutcome<ProposedSegment> {
  const violations: SaidViolation[] = [];
  const segments = proposed.map((segment, position) => {
    const ref = segment.ownerRef;
    if (!ref) return segment;
    const field = `segments.${position}.ownerRef`;
    if (ref.kind === "team") {
      const team = context.teams.find((candidate) => candidate.id === ref.role);
      if (team) return { ...segment, owner: team.name };
      violations.push(problemOf(field, "owner_team_unknown", "owner_team_unknown", { role: ref.role }));
      return segment;
    }
    const person = findPerson(context, ref.userId);
    if (person) return { ...segment, owner: person.name };
    violations.push(problemOf(field, "owner_unknown", "owner_unknown", { id: ref.userId }));
    return segment;
  });
  return outcomeOf(segments, violations, context);
}

function refOf(segment: StatusSegment, proposed: ProposedSegment | undefined, context: OwnerContext) {
  const text = segment.owner ?? "";
  if (proposed?.ownerRef) return proposed.ownerRef;
  // A stored segment kept as it was keeps its owner while its text is unchanged.
  if (segment.ownerRef && segment.ownerResolved?.name === text) return segment.ownerRef;
  return ownerOfText(context.teams, [...context.assigned, ...context.named], text);
}

function resolvedOf(ref: OwnerRef | null, text: string, context: OwnerContext): ResolvedOwner {
  if (ref?.kind === "team") {
    const team = context.teams.find((candidate) => candidate.id === ref.role);
    if (team) return teamOwner(team, context.assigned);
  }
  if (ref?.kind === "person") {
    const person = findPerson(context, ref.userId);
    if (person) return personOwner(person);
  }
  return textOwner(text);
}

/**
 * After the rules: each segment's owner (a default the rules filled in
 * included) resolved to a team, a person or text. A person must be assigned
 * to the tenant or its customer, unless it already owned a stored segment.
 */
export function resolveSegmentOwners(
  segments: readonly StatusSegment[],
  proposed: readonly ProposedSegment[],
  context: OwnerContext,
): OwnerOutcome<StatusSegment> {
  const violations: SaidViolation[] = [];
  const resolved = segments.map((segment, position): StatusSegment => {
    const text = segment.owner?.trim() ?? "";
    if (text === "") return { ...segment, owner: null, ownerRef: null, ownerResolved: null };
    const ref = refOf(segment, proposed[position], context);
    const owner = resolvedOf(ref, text, context);
    const assigned = context.assigned.some((person) => person.id === owner.userId);
    if (owner.kind === "person" && !assigned && !context.keptUserIds.has(owner.userId ?? "")) {
      violations.push(
        problemOf(`segments.${position}.owner`, "owner_not_assigned", "owner_not_assigned", {
          name: owner.name,
        }),
      );
    }
    const kept = owner.kind === "text" ? null : ref;
    return { ...segment, owner: owner.name, ownerRef: kept, ownerResolved: owner };
  });
  return outcomeOf(resolved, violations, context);
}
