import { countUnread, listUserNotifications } from "../../db/repositories/notification-repository.ts";
import type { NotificationList } from "../../http/schemas/notifications.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireActor } from "../auth/authorize-actor.ts";

/** The acting user's own inbox, newest first, with the number unread. Nobody reads another's. */
export async function listNotifications(
  deps: AppDeps,
  actor: Actor,
  input: { limit?: number | undefined } = {},
): Promise<NotificationList> {
  const { id } = requireActor(deps, actor);
  const db = deps.database.db;
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const [items, unread] = await Promise.all([listUserNotifications(db, id, limit), countUnread(db, id)]);
  return { items, unread };
}
