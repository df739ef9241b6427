import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../api/api-client.ts";
import type { Notification, NotificationList } from "../api/api-types.ts";

export const notificationsKey = ["notifications"] as const;

/**
 * The signed-in user's inbox for the header's bell: the latest notices and
 * the unread count, looked at again every minute, and marking read.
 */
export function useNotifications(enabled: boolean) {
  const client = useQueryClient();
  const inbox = useQuery({
    queryKey: notificationsKey,
    queryFn: ({ signal }) => apiRequest<NotificationList>("/notifications", { signal }),
    refetchInterval: 60_000,
    staleTime: 30_000,
    enabled,
  });
  const markRead = useMutation({
    mutationFn: (ids: string[] | undefined) =>
      apiRequest<{ unread: number }>("/notifications/read", { method: "POST", body: ids ? { ids } : {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationsKey }),
  });
  return {
    items: inbox.data?.items ?? [],
    unread: inbox.data?.unread ?? 0,
    markRead: (ids?: string[]) => markRead.mutate(ids),
  };
}

/** Where a notice leads: its entitlement in the tenant's editor, My work for a fix shipped for several, or nowhere. */
export function notificationHref(notification: Notification): string | null {
  if (notification.kind === "fix_shipped" && !notification.entitlementId) return "/my-work";
  if (!notification.tenantId || !notification.entitlementId) return null;
  return `/tenants/${notification.tenantId}?edit=${notification.entitlementId}`;
}
