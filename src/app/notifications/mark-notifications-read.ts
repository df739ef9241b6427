import { countUnread, markRead } from "../../db/repositories/notification-repository.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireActor } from "../auth/authorize-actor.ts";

/** Marks the acting user's notifications read (these ids, or all); another user's ids change nothing. */
export async function markNotificationsRead(
  deps: AppDeps,
  actor: Actor,
  input: { ids?: string[] | undefined },
): Promise<{ unread: number }> {
  const { id } = requireActor(deps, actor);
  await markRead(deps.database.db, id, input.ids, deps.now());
  return { unread: await countUnread(deps.database.db, id) };
}
