import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { EntitlementView } from "../api/api-types.ts";

/** Which save the editor last made, so its confirmation can follow the user to the history tab. */
export interface LastSave {
  id: string;
  version: number;
}

/** The last save's confirmation, shown above the history it added to while that version is current. */
export function SavedNotice({
  entitlement,
  lastSave,
}: {
  entitlement: EntitlementView;
  lastSave: LastSave | null;
}) {
  const { t } = useTranslation();
  if (lastSave?.id !== entitlement.id || lastSave.version !== entitlement.version) return null;
  return (
    <Alert color="green" mb="sm" title={t("editor.saved.title")} role="status">
      {t("editor.saved.body", { service: entitlement.service.name, version: entitlement.version })}
    </Alert>
  );
}
