import { Alert, Drawer, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { EntitlementView } from "../api/api-types.ts";
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
  const { t } = useTranslation();
  const bulk = useBulkUpdate(opened, rows, onApplied);
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="80%"
      title={<Text fw={700}>{t("bulk.title")}</Text>}
    >
      {bulk.outcome ? (
        <BulkOutcomeView outcome={bulk.outcome} onClose={onClose} />
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t("bulk.intro", { count: rows.length })}</Text>
          <SegmentedControl
            aria-label={t("bulk.what")}
            value={bulk.mode}
            onChange={(value) => bulk.setMode(value === "owner" ? "owner" : "status")}
            data={[
              { value: "status", label: t("bulk.setStatus") },
              { value: "owner", label: t("bulk.reassign") },
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
              label={t("bulk.newOwner")}
              description={t("bulk.newOwnerHelp")}
              value={bulk.owner}
              onChange={(event) => bulk.setOwner(event.currentTarget.value)}
              w={360}
            />
          )}
          <PlanTable planned={bulk.planned} />
          {bulk.send.isError ? (
            <Alert color="red" title={t("bulk.notSent")}>
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
