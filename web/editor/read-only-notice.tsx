import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Stage } from "../../src/domain/playbook/playbook-schema.ts";

/** Why the editor will not save: the user's role does not record this stage. */
export function ReadOnlyNotice({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue" title={t("editor.readOnly.title")}>
      {t("editor.readOnly.body", { stage: t(`common.stage.${stage}`) })}
    </Alert>
  );
}
