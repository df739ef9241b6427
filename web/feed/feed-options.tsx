import { Checkbox, Stack } from "@mantine/core";
import type { FeedChoices } from "./use-feed-upload.ts";

const options: { name: keyof FeedChoices; label: string; description: string }[] = [
  {
    name: "full",
    label: "Full sync",
    description:
      "The files are the whole portfolio: customers, tenants and entitlements a file no longer names are ended (kept with their history, out of the lists and reports).",
  },
  {
    name: "partial",
    label: "Apply the valid rows",
    description:
      "Without it, one refused row refuses the whole sync and nothing is written; with it, the valid rows are applied and the refused ones reported.",
  },
  {
    name: "allowMassEnd",
    label: "Allow a mass end",
    description:
      "A full sync that would end more than 5% of the open tenants or entitlements is refused, in case the export was cut short; tick this when the portfolio really shrank.",
  },
];

/** The sync's options, each with the sentence that says what it does. */
export function FeedOptions({
  choices,
  disabled,
  onChange,
}: {
  choices: FeedChoices;
  disabled: boolean;
  onChange: (name: keyof FeedChoices, value: boolean) => void;
}) {
  return (
    <Stack gap="xs">
      {options.map((option) => (
        <Checkbox
          key={option.name}
          label={option.label}
          description={option.description}
          checked={choices[option.name]}
          disabled={disabled || (option.name === "allowMassEnd" && !choices.full)}
          onChange={(event) => onChange(option.name, event.currentTarget.checked)}
        />
      ))}
    </Stack>
  );
}
