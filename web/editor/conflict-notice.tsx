import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A save refused because someone else saved first (409); the user's edits are kept. */
export function ConflictNotice() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t("editor.conflict.title")} role="alert">
      {t("editor.conflict.body")}
    </Alert>
  );
}
