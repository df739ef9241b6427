import { Alert, Drawer, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import type { EntitlementView } from "../api/api-types.ts";
import { plural } from "../shared/format.ts";
import { BulkApplyBar } from "./bulk-apply-bar.tsx";
import { BulkOutcomeView } from "./bulk-outcome-view.tsx";
import { BulkStatusChange } from "./bulk-status-change.tsx";
import { PlanTable } from "./plan-table.tsx";
import { useBulkUpdate } from "./use-bulk-update.ts";

export interface BulkUpdateDrawerProps {
  opened: boolean;
  rows: readonly EntitlementView[];
  onClose: () => void;
  onApplied: () => void;
}

/** Bulk update of the selected portfolio rows: one status for all, or a new owner. */
export function BulkUpdateDrawer({ opened, rows, onClose, onApplied }: BulkUpdateDrawerProps) {
  const bulk = useBulkUpdate(opened, rows, onApplied);
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="80%"
      title={<Text fw={700}>Bulk update</Text>}
    >
      {bulk.outcome ? (
        <BulkOutcomeView outcome={bulk.outcome} onClose={onClose} />
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {plural(rows.length, "selected entitlement")}. Each row is checked against the playbook's rules
            before anything is sent; refused rows are listed with the reason.
          </Text>
          <SegmentedControl
            aria-label="What to change"
            value={bulk.mode}
            onChange={(value) => bulk.setMode(value === "owner" ? "owner" : "status")}
            data={[
              { value: "status", label: "Set a status" },
              { value: "owner", label: "Reassign owner" },
            ]}
          />
          {bulk.mode === "status" ? (
            <BulkStatusChange
              stage={bulk.stage}
              onStage={bulk.setStage}
              segment={bulk.segment}
              onSegment={bulk.setSegment}
              serviceId={bulk.serviceId}
            />
          ) : (
            <TextInput
              label="New owner"
              description="Set on every segment whose scenario row takes an owner."
              value={bulk.owner}
              onChange={(event) => bulk.setOwner(event.currentTarget.value)}
              w={360}
            />
          )}
          <PlanTable planned={bulk.planned} />
          {bulk.send.isError ? (
            <Alert color="red" title="Not sent">
              {bulk.send.error.message}
            </Alert>
          ) : null}
          <BulkApplyBar
            planned={bulk.planned.length}
            ready={bulk.ready.length}
            refused={bulk.refusedHere.length}
            sending={bulk.send.isPending}
            onCancel={onClose}
            onApply={() => bulk.send.mutate()}
          />
        </Stack>
      )}
    </Drawer>
  );
}
