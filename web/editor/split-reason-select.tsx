import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { splitReasons } from "../../src/domain/status-segment.ts";

/** Why a split segment's seats are apart from the others. */
export function SplitReasonSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (reason: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t("editor.split.reasonLabel")}
      size="xs"
      withAsterisk
      value={value}
      data={[
        { value: "", label: t("editor.split.chooseReason") },
        ...splitReasons.map((reason) => ({ value: reason, label: t(`editor.split.${reason}`) })),
      ]}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  );
}
