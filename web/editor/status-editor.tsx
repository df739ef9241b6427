import { Alert, Center, Drawer, Loader, Tabs, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useEntitlement } from "../api/queries.ts";
import { DiscardEditsModal } from "./discard-edits-modal.tsx";
import { EditorForm } from "./editor-form.tsx";
import { EscalationPanel } from "./escalation-panel.tsx";
import { HistoryTimeline } from "./history-timeline.tsx";
import { type LastSave, SavedNotice } from "./saved-notice.tsx";
import { useCloseGuard } from "./use-close-guard.ts";

export type EditorTab = "edit" | "history" | "escalations";

export interface StatusEditorProps {
  entitlementId: string | null;
  tab: EditorTab;
  onTab: (tab: EditorTab) => void;
  onClose: () => void;
}

/** The status editor of one service (entitlement), with its history and escalations, in a drawer. */
export function StatusEditor({ entitlementId, tab, onTab, onClose }: StatusEditorProps) {
  const { t } = useTranslation();
  const entitlement = useEntitlement(entitlementId);
  const guard = useCloseGuard(entitlementId, onClose);
  // Kept here, above the tabs: the form unmounts when the save moves the user to the history tab.
  const [lastSave, setLastSave] = useState<LastSave | null>(null);
  const title = entitlement.data
    ? t("editor.titleOf", {
        service: entitlement.data.service.name,
        customer: entitlement.data.customer.name,
        tenant: entitlement.data.tenant.name,
      })
    : t("editor.title");
  return (
    <>
      <Drawer
        opened={entitlementId !== null}
        onClose={guard.requestClose}
        closeOnEscape={!guard.asking}
        position="right"
        size="85%"
        title={<Text fw={700}>{title}</Text>}
        closeButtonProps={{ "aria-label": t("editor.close") }}
      >
        {entitlement.isPending ? (
          <Center p="xl">
            <Loader aria-label={t("editor.loading")} />
          </Center>
        ) : entitlement.isError ? (
          <Alert color="red" title={t("editor.loadFailed")}>
            {entitlement.error.message}
          </Alert>
        ) : (
          <Tabs
            value={tab}
            onChange={(value) => onTab(value === "history" || value === "escalations" ? value : "edit")}
            keepMounted={false}
          >
            <Tabs.List mb="sm">
              <Tabs.Tab value="edit">{t("editor.tabs.edit")}</Tabs.Tab>
              <Tabs.Tab value="history">{t("editor.tabs.history")}</Tabs.Tab>
              <Tabs.Tab value="escalations">{t("editor.tabs.escalations")}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="edit">
              <EditorForm
                key={entitlement.data.id}
                entitlement={entitlement.data}
                onSaved={(saved) => {
                  setLastSave({ id: saved.id, version: saved.version });
                  onTab("history");
                }}
                onCancel={guard.requestClose}
                onDirty={guard.onDirty}
              />
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <SavedNotice entitlement={entitlement.data} lastSave={lastSave} />
              <HistoryTimeline entitlementId={entitlement.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="escalations">
              <EscalationPanel entitlement={entitlement.data} />
            </Tabs.Panel>
          </Tabs>
        )}
      </Drawer>
      {/* Beside the drawer, not inside it: Escape in the question must not reach the drawer. */}
      <DiscardEditsModal opened={guard.asking} onKeepEditing={guard.keepEditing} onDiscard={guard.discard} />
    </>
  );
}
