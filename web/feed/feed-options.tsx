import { Checkbox, Stack } from "@mantine/core";
import { i18n } from "../i18n/i18n.ts";
import type { FeedChoices } from "./use-feed-upload.ts";

/** Each option's label and sentence are feed.options.<name> and <name>Help of web/i18n. */
const options: { name: keyof FeedChoices }[] = [
  { name: "full" },
  { name: "partial" },
  { name: "allowMassEnd" },
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
          label={i18n.t(`feed.options.${option.name}`)}
          description={i18n.t(`feed.options.${option.name}Help`)}
          checked={choices[option.name]}
          disabled={disabled || (option.name === "allowMassEnd" && !choices.full)}
          onChange={(event) => onChange(option.name, event.currentTarget.checked)}
        />
      ))}
    </Stack>
  );
}
