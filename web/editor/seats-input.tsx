import { NumberInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatCount } from "../shared/format.ts";

/** A segment's seat count, kept as text so a half-typed number is not lost ("" is not given). */
export function SeatsInput({
  seats,
  onChange,
  error,
}: {
  seats: string;
  onChange: (seats: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t("editor.seats.label")}
      size="xs"
      min={0}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator={formatCount(1000).replace(/\d/g, "") || ","}
      value={seats === "" ? "" : Number(seats)}
      onChange={(value) => onChange(value === "" ? "" : String(value))}
      error={error}
      withAsterisk
    />
  );
}
