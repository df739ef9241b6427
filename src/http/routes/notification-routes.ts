import type { AppDeps } from "../../app/app-deps.ts";
import { listNotifications } from "../../app/notifications/list-notifications.ts";
import { markNotificationsRead } from "../../app/notifications/mark-notifications-read.ts";
import { authedProblemResponses } from "../schemas/common.ts";
import { markReadBodySchema, notificationListSchema, unreadCountSchema } from "../schemas/notifications.ts";
import type { Api } from "./api.ts";

/** The signed-in user's inbox (docs/NOTIFICATIONS.md). */
export function notificationRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/notifications",
    {
      schema: {
        tags: ["notifications"],
        summary: "Your notifications, newest first, with how many are unread",
        response: { 200: notificationListSchema, ...authedProblemResponses },
      },
    },
    async (request) => listNotifications(deps, await request.actor()),
  );

  api.post(
    "/notifications/read",
    {
      schema: {
        tags: ["notifications"],
        summary: "Mark your notifications read: the ids given, or all",
        body: markReadBodySchema,
        response: { 200: unreadCountSchema, ...authedProblemResponses },
      },
    },
    async (request) => markNotificationsRead(deps, await request.actor(), request.body),
  );
}
