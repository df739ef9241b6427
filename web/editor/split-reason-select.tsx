import { NativeSelect } from "@mantine/core";
import { splitReasons } from "../../src/domain/status-segment.ts";

const splitReasonNames: Record<(typeof splitReasons)[number], string> = {
  geography: "Geography differs",
  operating_company: "Operating company differs",
  duplicate_entitlement: "Duplicate entitlement (needs a count review)",
};

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
  return (
    <NativeSelect
      label="Why these seats are split"
      size="xs"
      withAsterisk
      value={value}
      data={[
        { value: "", label: "Choose a reason" },
        ...splitReasons.map((reason) => ({ value: reason, label: splitReasonNames[reason] })),
      ]}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  );
}
