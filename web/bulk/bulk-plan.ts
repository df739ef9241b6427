import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { Stage } from "../../src/domain/playbook/playbook-schema.ts";
import { evaluateStatus } from "../../src/domain/rules/evaluate-status.ts";
import { effectiveRule, scenarioFields } from "../../src/domain/rules/scenario-fields.ts";
import type { ProposedSegment } from "../../src/domain/status-segment.ts";
import type { Violation } from "../../src/domain/violation.ts";
import type { BulkStatusBody, EntitlementView } from "../api/api-types.ts";
import { i18n } from "../i18n/i18n.ts";

/**
 * A bulk change planned row by row with the same rules the server applies, so
 * the user sees which rows will be refused, and why, before anything is sent.
 */
export interface PlannedRow {
  entitlement: EntitlementView;
  stage: Stage;
  segments: ProposedSegment[];
  violations: Violation[];
}

export interface PlanContext {
  index: PlaybookIndex;
  actorRole: string;
  today: string;
}

/** Every selected row gets one segment with all its seats in the chosen status. */
export function planStatus(
  context: PlanContext,
  rows: readonly EntitlementView[],
  stage: Stage,
  segment: Omit<ProposedSegment, "seats">,
): PlannedRow[] {
  return rows.map((entitlement) => {
    const segments: ProposedSegment[] = [
      { ...segment, seats: entitlement.availableSeats, splitReason: null },
    ];
    return judge(context, entitlement, stage, segments);
  });
}

/** Each row keeps its segments; the owner changes wherever its scenario row takes an owner. */
export function planOwner(
  context: PlanContext,
  rows: readonly EntitlementView[],
  owner: string,
): PlannedRow[] {
  return rows.map((entitlement) => {
    const segments: ProposedSegment[] = entitlement.segments.map((stored) => {
      const row = context.index.scenario(stored.scenarioId);
      const takesOwner = row ? effectiveRule(context.index, row, "owner") !== "forbidden" : true;
      const copy: ProposedSegment = {
        seats: stored.seats,
        l1: stored.l1,
        scenarioId: stored.scenarioId,
        splitReason: (stored.splitReason ?? null) as ProposedSegment["splitReason"],
      };
      for (const field of scenarioFields) copy[field] = stored[field] ?? null;
      if (takesOwner) copy.owner = owner;
      return copy;
    });
    const planned = judge(context, entitlement, entitlement.stage, segments);
    if (segments.length === 0) {
      planned.violations.push({
        field: "segments",
        code: "segments_required",
        message: i18n.t("bulk.noStatus"),
      });
    }
    return planned;
  });
}

function judge(
  context: PlanContext,
  entitlement: EntitlementView,
  stage: Stage,
  segments: ProposedSegment[],
): PlannedRow {
  const decision = evaluateStatus({
    index: context.index,
    serviceId: entitlement.service.id,
    stage,
    actorRole: context.actorRole,
    availableSeats: entitlement.availableSeats,
    previous: entitlement.segments,
    proposed: segments,
    today: context.today,
  });
  return { entitlement, stage, segments, violations: decision.ok ? [] : decision.violations };
}

/** One item's outcome in `POST /api/bulk/status`. */
export type { BulkResult } from "../api/api-types.ts";

/** The request body of `POST /api/bulk/status` for the rows the rules accepted. */
export function bulkBody(planned: readonly PlannedRow[]): BulkStatusBody {
  return {
    items: planned
      .filter((row) => row.violations.length === 0)
      .map((row) => ({
        entitlementId: row.entitlement.id,
        version: row.entitlement.version,
        stage: row.stage,
        segments: row.segments,
      })),
  };
}
