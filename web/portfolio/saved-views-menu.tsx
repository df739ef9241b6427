import { ActionIcon, Button, Group, Menu, Popover, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { navigate } from "../router/router.ts";
import { useSavedViews } from "./saved-views.ts";

/** Saved views of the signed-in user, kept on the server (see saved-views.ts). */
export function SavedViewsMenu({ query }: { query: string }) {
  const { views, save, remove } = useSavedViews();
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
    <Group gap={4} wrap="nowrap">
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default">
            Saved views ({views.length})
          </Button>
        </Menu.Target>
        <Menu.Dropdown miw={240}>
          {views.length === 0 ? (
            <Menu.Label>No saved views yet</Menu.Label>
          ) : (
            views.map((view) => (
              <Menu.Item
                key={view.id}
                onClick={() => navigate(view.query ? `/?${view.query}` : "/")}
                rightSection={
                  <ActionIcon
                    component="span"
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={`Delete saved view ${view.name}`}
                    onClick={(event) => {
                      event.stopPropagation();
                      remove.mutate(view.id);
                    }}
                  >
                    ×
                  </ActionIcon>
                }
              >
                {view.name}
              </Menu.Item>
            ))
          )}
        </Menu.Dropdown>
      </Menu>
      <Popover opened={naming} onChange={setNaming} trapFocus position="bottom" withArrow>
        <Popover.Target>
          <Button size="xs" variant="default" onClick={() => setNaming((open) => !open)}>
            Save view
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <TextInput
              label="Name of this view"
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
                Saved for you; the same name replaces a view.
              </Text>
            )}
            <Button size="xs" onClick={submit} disabled={!name.trim()} loading={save.isPending}>
              Save
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
