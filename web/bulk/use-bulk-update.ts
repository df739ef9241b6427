import { useMutation } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import type { Stage } from "../../src/domain/playbook/playbook-schema.ts";
import { apiRequest } from "../api/api-client.ts";
import type { EntitlementView } from "../api/api-types.ts";
import { useMe } from "../api/queries.ts";
import {
  draftFromSegments,
  type EditorDraft,
  type SegmentDraft,
  toProposed,
} from "../editor/editor-state.ts";
import { i18n } from "../i18n/i18n.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { todayUtc } from "../shared/format.ts";
import { type BulkOutcome, bulkOutcome } from "./bulk-outcome.ts";
import { type BulkResult, bulkBody, type PlannedRow, planOwner, planStatus } from "./bulk-plan.ts";

export type BulkMode = "status" | "owner";

/**
 * The bulk update's state: one status (or one owner) for the selected rows,
 * each row checked against the playbook's rules as the change is filled in,
 * and the outcome once sent. Opening the drawer again starts a new update.
 */
export function useBulkUpdate(opened: boolean, rows: readonly EntitlementView[], onApplied: () => void) {
  const index = usePlaybook();
  const role = useMe().data?.user.role;
  const [mode, setMode] = useState<BulkMode>("status");
  const [stage, setStage] = useState<Stage>("assignment");
  const [segment, setSegment] = useState<SegmentDraft>(() => emptySegment());
  const [owner, setOwner] = useState("");
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);

  useEffect(() => {
    if (opened) {
      setOutcome(null);
      setStage(rows[0]?.stage ?? "assignment");
    }
  }, [opened, rows]);

  const services = new Set(rows.map((row) => row.service.id));
  // One service selected: offer its L3s; several: only the L3s that apply to every service.
  const serviceId = services.size === 1 ? [...services][0]! : "";
  const today = todayUtc();
  const planned: PlannedRow[] = useMemo(() => {
    const context = { index, actorRole: role ?? "viewer", today };
    if (mode === "owner") return owner.trim() ? planOwner(context, rows, owner.trim()) : [];
    if (!segment.l1) return [];
    const [proposed] = toProposed({ stage, segments: [segment] } satisfies EditorDraft);
    const { seats: _seats, ...rest } = proposed!;
    return planStatus(context, rows, stage, rest);
  }, [index, role, today, mode, owner, rows, stage, segment]);
  const ready = planned.filter((row) => row.violations.length === 0);
  const refusedHere = planned.filter((row) => row.violations.length > 0);

  const describeChange = () => {
    if (mode === "owner") return i18n.t("bulk.ownerSet", { owner: owner.trim() });
    const path = [index.l1(segment.l1)?.name, segment.l2 && index.l2(segment.l1, segment.l2)?.name]
      .filter(Boolean)
      .join(" › ");
    return i18n.t("bulk.statusSet", { path, stage: i18n.t(`common.stage.${stage}`) });
  };

  const send = useMutation({
    mutationFn: () =>
      apiRequest<{ results: BulkResult[] }>("/bulk/status", { method: "POST", body: bulkBody(planned) }),
    onSuccess: (response) => {
      setOutcome(bulkOutcome(describeChange(), rows, refusedHere, response.results));
      onApplied();
    },
  });

  return {
    mode,
    setMode,
    stage,
    setStage,
    segment,
    setSegment,
    owner,
    setOwner,
    serviceId,
    planned,
    ready,
    refusedHere,
    outcome,
    send,
  };
}

function emptySegment(): SegmentDraft {
  return draftFromSegments("assignment", 0, []).segments[0]!;
}
