import { Button, Popover, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { useSavedViews } from "./saved-views.ts";

/** "Save view": names the current filters and keeps them for the user; the same name replaces a view. */
export function SaveViewPopover({
  query,
  save,
}: {
  /** The portfolio's URL query to keep. */
  query: string;
  save: ReturnType<typeof useSavedViews>["save"];
}) {
  const { t } = useTranslation();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");

  const submit = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    save.mutate(
      { name: trimmed, query },
      {
        onSuccess: () => {
          setName("");
          setNaming(false);
        },
      },
    );
  };

  return (
    <Popover opened={naming} onChange={setNaming} trapFocus position="bottom" withArrow>
      <Popover.Target>
        <Button size="xs" variant="default" onClick={() => setNaming((open) => !open)}>
          {t("portfolio.views.save")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput
            label={t("portfolio.views.name")}
            size="xs"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") submit();
            }}
            data-autofocus
          />
          {save.isError ? (
            <Text size="xs" c="red" role="alert">
              {save.error.message}
            </Text>
          ) : (
            <Text size="xs" c="dimmed">
              {t("portfolio.views.help")}
            </Text>
          )}
          <Button size="xs" onClick={submit} disabled={!name.trim()} loading={save.isPending}>
            {t("portfolio.views.submit")}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
