import { useEffect, useMemo, useState } from "react";
import type { Stage } from "../../src/domain/playbook/playbook-schema.ts";
import { evaluateStatus } from "../../src/domain/rules/evaluate-status.ts";
import type { Violation } from "../../src/domain/violation.ts";
import type { EntitlementView } from "../api/api-types.ts";
import { useMe } from "../api/queries.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { todayUtc } from "../shared/format.ts";
import { addSegment, type DraftEdit, editSegment, editStage, removeSegment } from "./draft-edits.ts";
import {
  byField,
  draftFromSegments,
  type EditorContext,
  type EditorDraft,
  type SegmentDraft,
  toProposed,
  toRequestSegments,
} from "./editor-state.ts";
import { useSaveStatus } from "./use-save-status.ts";

/**
 * The status editor's state: the draft, the version it is based on, what the
 * playbook's rules say of it as the user types, and the save with its outcome.
 */
export function useEditorForm(entitlement: EntitlementView, onSaved: (saved: EntitlementView) => void) {
  const index = usePlaybook();
  const [draft, setDraft] = useState<EditorDraft>(() =>
    draftFromSegments(entitlement.stage, entitlement.availableSeats, entitlement.segments),
  );
  // The version and segments the edit is based on; a 409 moves them to the current ones.
  const [base, setBase] = useState(entitlement);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Violation[]>([]);
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (entitlement.version > base.version) setBase(entitlement);
  }, [entitlement, base.version]);

  const context: EditorContext = {
    index,
    stage: draft.stage,
    previous: base.segments,
    serviceId: base.service.id,
    entitlementId: base.id,
  };
  const decision = useStatusDecision(base, draft);
  const clientErrors = decision.ok ? [] : decision.violations;
  const visible = byField([
    ...clientErrors.filter((found) => attempted || isTouched(touched, found.field)),
    ...serverErrors,
  ]);

  const save = useSaveStatus(base.id, {
    onSaved,
    onConflict: (current) => {
      setConflict(true);
      if (current) setBase(current);
    },
    onRefused: (errors, message) => {
      if (errors.length > 0) setServerErrors(errors);
      setFailure(message);
    },
  });

  const apply = ({ draft: next, paths }: DraftEdit) => {
    setDraft(next);
    setTouched((current) => new Set([...current, ...paths]));
    setServerErrors((current) => current.filter((found) => !paths.includes(found.field)));
    setFailure(null);
  };

  const submit = () => {
    setAttempted(true);
    setConflict(false);
    setFailure(null);
    if (!decision.ok) return;
    save.mutate({ version: base.version, stage: draft.stage, segments: toRequestSegments(draft) });
  };

  return {
    base,
    draft,
    context,
    clientErrors,
    visible,
    attempted,
    conflict,
    failure,
    saving: save.isPending,
    updateSegment: (position: number, next: SegmentDraft) => apply(editSegment(draft, position, next)),
    setStage: (stage: Stage) => apply(editStage(context, draft, stage)),
    addSegment: () => apply(addSegment(draft, base.availableSeats)),
    removeSegment: (position: number) => apply(removeSegment(draft, position)),
    submit,
  };
}

/** What the playbook's rules say of the draft, as the server will on save. */
function useStatusDecision(base: EntitlementView, draft: EditorDraft) {
  const index = usePlaybook();
  const role = useMe().data?.user.role;
  const today = todayUtc();
  return useMemo(
    () =>
      evaluateStatus({
        index,
        serviceId: base.service.id,
        stage: draft.stage,
        actorRole: role ?? "viewer",
        availableSeats: base.availableSeats,
        previous: base.segments,
        proposed: toProposed(draft),
        today,
      }),
    [index, base, draft, role, today],
  );
}

export type EditorForm = ReturnType<typeof useEditorForm>;

/** A violation is shown once the user has changed the field it names (or the whole segment list). */
function isTouched(touched: ReadonlySet<string>, field: string): boolean {
  if (touched.has(field)) return true;
  if (field === "segments") return touched.has("segments");
  return false;
}
