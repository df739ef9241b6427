import { NumberInput } from "@mantine/core";

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
  return (
    <NumberInput
      label="Seats"
      size="xs"
      min={0}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator=","
      value={seats === "" ? "" : Number(seats)}
      onChange={(value) => onChange(value === "" ? "" : String(value))}
      error={error}
      withAsterisk
    />
  );
}
