import { Stack } from "@mantine/core";
import type { FocusEvent } from "react";
import type { EntitlementView } from "../api/api-types.ts";
import { useMe } from "../api/queries.ts";
import { todayUtc } from "../shared/format.ts";
import { useCan } from "../users/permissions.ts";
import { ConflictNotice } from "./conflict-notice.tsx";
import { CurrentStatus } from "./current-status.tsx";
import { DraftOffer } from "./draft-offer.tsx";
import { seatTotal } from "./editor-state.ts";
import { NotSavedAlert } from "./not-saved-alert.tsx";
import { ReadOnlyNotice } from "./read-only-notice.tsx";
import { SaveBar } from "./save-bar.tsx";
import { SegmentCard } from "./segment-card.tsx";
import { StageAndSeats } from "./stage-and-seats.tsx";
import { UsagePanel } from "./usage-panel.tsx";
import { useEditorForm } from "./use-editor-form.ts";

export interface EditorFormProps {
  entitlement: EntitlementView;
  onSaved: (saved: EntitlementView) => void;
  onCancel: () => void;
  /** Hears whether the form holds unsaved edits, so closing can ask first. */
  onDirty?: (dirty: boolean) => void;
}

/** The status form of one service: stage, seat segments with their guidance, and the save. */
export function EditorForm({ entitlement, onSaved, onCancel, onDirty }: EditorFormProps) {
  const me = useMe();
  const can = useCan();
  const form = useEditorForm(entitlement, onSaved, onDirty);
  const { base, draft } = form;
  const mayWrite = can(`status.write.${draft.stage}`);
  const split = draft.segments.length > 1;
  // Focus leaving a field's box (marked with data-path) shows that field's errors from then on.
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    const path = event.target.closest("[data-path]")?.getAttribute("data-path");
    if (path) form.leave(path);
  };
  return (
    <Stack gap="sm" onBlur={onBlur}>
      {mayWrite ? null : <ReadOnlyNotice stage={draft.stage} />}
      {form.conflict ? <ConflictNotice /> : null}
      <DraftOffer
        offer={form.kept.offer}
        version={base.version}
        onRestore={form.kept.restore}
        onDiscard={form.kept.discardOffer}
      />
      <CurrentStatus base={base} />
      <UsagePanel
        entitlement={base}
        segments={draft.segments.map((segment) => ({ l1: segment.l1, seats: Number(segment.seats) || 0 }))}
        today={todayUtc()}
      />
      <StageAndSeats
        stage={draft.stage}
        onStage={form.setStage}
        availableSeats={base.availableSeats}
        assignedSeats={seatTotal(draft)}
        segmentsErrors={form.visible.get("segments")}
        onAddSegment={form.addSegment}
      />
      {draft.segments.map((segment, position) => (
        <SegmentCard
          key={segment.key}
          context={form.context}
          segment={segment}
          position={position}
          split={split}
          errors={form.visible}
          onChange={(next) => form.updateSegment(position, next)}
          onRemove={() => form.removeSegment(position)}
        />
      ))}
      <NotSavedAlert errors={form.visible} failure={form.failure} />
      <SaveBar
        remaining={form.remaining}
        attempted={form.attempted}
        saving={form.saving}
        canSave={Boolean(me.data) && mayWrite}
        onCancel={onCancel}
        onSave={form.submit}
      />
    </Stack>
  );
}
