import type { Db } from "../../db/client.ts";
import { peopleAssignedTo, usersNamed } from "../../db/repositories/owner-repository.ts";
import { saidError } from "../../domain/app-error.ts";
import type { Language } from "../../domain/i18n/languages.ts";
import { errorText } from "../../domain/i18n/server-texts.ts";
import {
  type OwnerContext,
  type OwnerOutcome,
  ownerTextsOfRefs,
  resolveSegmentOwners,
} from "../../domain/owners/resolve-segment-owners.ts";
import { ownerTeamsOf } from "../../domain/owners/segment-owner.ts";
import type { ProposedSegmentWithOwner, StatusSegment } from "../../domain/status-segment.ts";
import { onePer } from "../../one-per.ts";
import type { AppDeps } from "../app-deps.ts";

const teamsOf = onePer(ownerTeamsOf);

/** The owners of an entitlement's segments are resolved against its tenant's people (docs/OWNERS.md). */
export interface OwnedTarget {
  tenantId: string;
  /** The stored segments: their person owners may stay though no longer assigned. */
  previous: readonly StatusSegment[];
}

/** Loads what resolving these owner texts and references needs: two statements. */
export async function loadOwnerContext(
  deps: AppDeps,
  db: Db,
  target: OwnedTarget,
  segments: readonly ProposedSegmentWithOwner[],
): Promise<OwnerContext> {
  const kept = target.previous.flatMap((segment) =>
    segment.ownerRef?.kind === "person" ? [segment.ownerRef.userId] : [],
  );
  const ids = segments.flatMap((segment) =>
    segment.ownerRef?.kind === "person" ? [segment.ownerRef.userId] : [],
  );
  const texts = segments.flatMap((segment) => (segment.owner ? [segment.owner] : []));
  const assigned = (await peopleAssignedTo(db, [target.tenantId])).get(target.tenantId) ?? [];
  const named = await usersNamed(db, texts, [...ids, ...kept]);
  return { teams: teamsOf(deps.playbook.index), assigned, named, keptUserIds: new Set(kept) };
}

function refuse(outcome: OwnerOutcome<unknown>): void {
  if (outcome.said.length === 0) return;
  // The summary repeats each problem's sentence, all in the asker's language.
  const problems = (language: Language) =>
    outcome.said
      .map(({ said, values }) => errorText.say(language, said, values as Record<string, string>))
      .join(" ");
  throw saidError(
    "validation_failed",
    "owner_refused",
    { problems },
    {
      violations: outcome.said,
      detail: { instead: outcome.instead },
      detailIn: (language) => ({ instead: outcome.insteadIn(language) }),
    },
  );
}

/**
 * Before the rules: structured owners become their owner text, so the
 * playbook's owner rule judges them. Reads nothing when no segment names one.
 */
export async function proposeOwners(
  deps: AppDeps,
  db: Db,
  target: OwnedTarget,
  proposed: readonly ProposedSegmentWithOwner[],
): Promise<{ proposed: ProposedSegmentWithOwner[]; context: OwnerContext | null }> {
  if (!proposed.some((segment) => segment.ownerRef)) return { proposed: [...proposed], context: null };
  const context = await loadOwnerContext(deps, db, target, proposed);
  const outcome = ownerTextsOfRefs(proposed, context);
  refuse(outcome);
  return { proposed: outcome.segments, context };
}

/**
 * After the rules: every owner (defaults the rules filled in included)
 * resolved to a team, a person or text; a person not assigned to the tenant
 * or its customer is refused (422) with who may be chosen instead.
 */
export async function settleOwners(
  deps: AppDeps,
  db: Db,
  target: OwnedTarget,
  proposed: readonly ProposedSegmentWithOwner[],
  segments: readonly StatusSegment[],
  loaded: OwnerContext | null,
): Promise<StatusSegment[]> {
  const needed = segments.some((segment) => segment.owner);
  const context =
    loaded ?? (needed ? await loadOwnerContext(deps, db, target, [...proposed, ...segments]) : null);
  if (!context) return segments.map((segment) => ({ ...segment, ownerRef: null, ownerResolved: null }));
  const outcome = resolveSegmentOwners(segments, proposed, context);
  refuse(outcome);
  return outcome.segments;
}
