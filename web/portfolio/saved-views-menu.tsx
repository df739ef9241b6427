import { ActionIcon, Button, Group, Menu } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { navigate } from "../router/router.ts";
import { SaveViewPopover } from "./save-view-popover.tsx";
import { useSavedViews } from "./saved-views.ts";

/** Saved views of the signed-in user, kept on the server (see saved-views.ts). */
export function SavedViewsMenu({ query }: { query: string }) {
  const { t } = useTranslation();
  const { views, save, remove } = useSavedViews();
  return (
    <Group gap={4} wrap="nowrap">
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default">
            {t("portfolio.views.button", { count: views.length })}
          </Button>
        </Menu.Target>
        <Menu.Dropdown miw={240}>
          {views.length === 0 ? (
            <Menu.Label>{t("portfolio.views.none")}</Menu.Label>
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
                    aria-label={t("portfolio.views.delete", { name: view.name })}
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
      <SaveViewPopover query={query} save={save} />
    </Group>
  );
}
