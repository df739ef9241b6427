import { useCallback, useEffect, useMemo, useState } from "react";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
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
import { sameEdits } from "./local-draft.ts";
import { initialDraft, useLocalDraft } from "./use-local-draft.ts";
import { useSaveStatus } from "./use-save-status.ts";
import { remainingWork, shownViolations } from "./visible-errors.ts";

/**
 * The status editor's state: the draft, the version it is based on, what the
 * playbook's rules say of it as the user types, the copy kept in the browser,
 * and the save with its outcome. `onDirty` hears whether there are unsaved edits.
 */
export function useEditorForm(
  entitlement: EntitlementView,
  onSaved: (saved: EntitlementView) => void,
  onDirty?: (dirty: boolean) => void,
) {
  const index = usePlaybook();
  const [draft, setDraft] = useState<EditorDraft>(() =>
    initialDraft(entitlement.id, entitlement.version, savedDraft(entitlement)),
  );
  // The version and segments the edit is based on; a 409 moves them to the current ones.
  const [base, setBase] = useState(entitlement);
  const [left, leave] = useLeftFields();
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Violation[]>([]);
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (entitlement.version > base.version) setBase(entitlement);
  }, [entitlement, base.version]);

  const context = contextOf(index, draft, base);
  const decision = useStatusDecision(base, draft);
  const clientErrors = decision.ok ? [] : decision.violations;
  const visible = byField([...shownViolations(clientErrors, left, attempted), ...serverErrors]);
  const kept = useKeptDraft(base, draft, onDirty, (restored) => apply({ draft: restored, paths: [] }));

  const save = useSaveStatus(base.id, {
    onSaved: (result) => {
      kept.forget();
      onDirty?.(false);
      onSaved(result);
    },
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
    remaining: remainingWork(clientErrors),
    visible,
    /** Unsaved edits an earlier page kept, with restore and discard. */
    kept,
    leave,
    attempted,
    conflict,
    failure,
    saving: save.isPending,
    updateSegment: (position: number, next: SegmentDraft) => apply(editSegment(draft, position, next)),
    setStage: (stage: Stage) => apply(editStage(context, draft, stage)),
    addSegment: () => apply(addSegment(draft, base.availableSeats)),
    removeSegment: (position: number) => apply(removeSegment(draft, position, base.availableSeats)),
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

function contextOf(index: PlaybookIndex, draft: EditorDraft, base: EntitlementView): EditorContext {
  return {
    index,
    stage: draft.stage,
    previous: base.segments,
    serviceId: base.service.id,
    entitlementId: base.id,
  };
}

/** Fields the user has left (their errors show from then on: visible-errors.ts), and the blur that adds one. */
function useLeftFields() {
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const leave = useCallback(
    (path: string) => setLeft((current) => (current.has(path) ? current : new Set([...current, path]))),
    [],
  );
  return [left, leave] as const;
}

/** Whether the draft differs from the saved status, told to `onDirty`, and its copy in the browser. */
function useKeptDraft(
  base: EntitlementView,
  draft: EditorDraft,
  onDirty: ((dirty: boolean) => void) | undefined,
  onRestore: (draft: EditorDraft) => void,
) {
  const saved = useMemo(() => savedDraft(base), [base]);
  const dirty = !sameEdits(draft, saved);
  const kept = useLocalDraft(base.id, base.version, draft, dirty, onRestore);
  useEffect(() => onDirty?.(dirty), [dirty, onDirty]);
  return kept;
}

function savedDraft(entitlement: EntitlementView): EditorDraft {
  return draftFromSegments(entitlement.stage, entitlement.availableSeats, entitlement.segments);
}
