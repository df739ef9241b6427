import { ActionIcon, Indicator, Menu, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Notification } from "../api/api-types.ts";
import { Link } from "../router/link.tsx";
import { formatDateTime } from "../shared/format.ts";
import { notificationHref, useNotifications } from "./use-notifications.ts";

/** The header's bell: the unread count on it, the latest notices in its menu, each linking to its entitlement. */
export function NotificationBell({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const { items, unread, markRead } = useNotifications(enabled);
  if (!enabled) return null;
  const label = unread === 0 ? t("myWork.notices.none") : t("myWork.notices.unread", { count: unread });
  return (
    <Menu position="bottom-end" width={360} shadow="md">
      {/* The menu's target is the button itself: a popup attribute on the indicator's div is not allowed. */}
      <Indicator label={unread} size={16} disabled={unread === 0} color="red" offset={4}>
        <Menu.Target>
          <ActionIcon variant="subtle" size="lg" aria-label={label}>
            <BellIcon />
          </ActionIcon>
        </Menu.Target>
      </Indicator>
      <Menu.Dropdown>
        <Menu.Label>{t("myWork.notices.title")}</Menu.Label>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" px="sm" py="xs">
            {t("myWork.notices.empty")}
          </Text>
        ) : (
          items.slice(0, 10).map((item) => <NoticeItem key={item.id} item={item} onOpen={markRead} />)
        )}
        {unread > 0 ? (
          <>
            <Menu.Divider />
            <Menu.Item onClick={() => markRead()}>{t("myWork.notices.markAll")}</Menu.Item>
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}

function NoticeItem({ item, onOpen }: { item: Notification; onOpen: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const href = notificationHref(item);
  const unread = item.readAt === null;
  const open = () => {
    if (unread) onOpen([item.id]);
  };
  const body = (
    <Stack gap={2}>
      <Text size="sm" fw={unread ? 600 : 400}>
        {item.text}
      </Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(String(item.createdAt))}
        {unread ? t("myWork.notices.unreadMark") : ""}
      </Text>
    </Stack>
  );
  return href ? (
    <Menu.Item component={Link} href={href} onClick={open}>
      {body}
    </Menu.Item>
  ) : (
    <Menu.Item onClick={open}>{body}</Menu.Item>
  );
}

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
