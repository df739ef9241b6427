import type { Db } from "../../db/client.ts";
import { type GroupMember, listGroupMembers } from "../../db/repositories/resolver-group-repository.ts";
import { findUserByEmail, findUserById } from "../../db/repositories/user-repository.ts";
import { AppError } from "../../domain/app-error.ts";
import { resolverGroupsOf } from "../../domain/escalations/escalation-policy.ts";
import type { Language } from "../../domain/i18n/languages.ts";
import { escalationText } from "../../domain/i18n/server-texts.ts";
import { violation } from "../../domain/violation.ts";
import type { ResolverGroup } from "../../http/schemas/escalations.ts";
import type { AppDeps } from "../app-deps.ts";

/**
 * What the resolver group use-cases share: the groups the playbook names,
 * merged with the members stored (a group the playbook dropped stays listed
 * while it has members, so they can be removed).
 */
export async function resolverGroupsWithMembers(
  deps: AppDeps,
  db: Db,
): Promise<{ name: string; inPlaybook: boolean; l2s: ResolverGroup["l2s"]; members: GroupMember[] }[]> {
  const named = resolverGroupsOf(deps.playbook.index);
  const members = await listGroupMembers(db);
  const groups = named.map((group) => ({ ...group, inPlaybook: true, members: [] as GroupMember[] }));
  for (const member of members) {
    let group = groups.find((candidate) => candidate.name === member.group);
    if (!group) {
      group = { name: member.group, l2s: [], inPlaybook: false, members: [] };
      groups.push(group);
    }
    group.members.push(member);
  }
  return groups;
}

/** The group named in a request: one the playbook names or one with members; a 422 naming `group` otherwise. */
export async function knownGroup(deps: AppDeps, db: Db, name: string): Promise<string> {
  const groups = await resolverGroupsWithMembers(deps, db);
  const found = groups.find((group) => group.name === name.trim());
  if (found) return found.name;
  const textIn = (language: Language) => escalationText.say(language, "group_unknown", { group: name });
  throw new AppError("validation_failed", textIn("en"), {
    textIn,
    violationsIn: (language) => [violation("group", "group_unknown", textIn(language))],
    detail: { instead: groups.map((group) => group.name) },
  });
}

/** The user a request names by id or email; a 422 naming `user` otherwise. */
export async function namedUser(db: Db, user: string): Promise<{ id: string; name: string; email: string }> {
  const found = user.includes("@")
    ? await findUserByEmail(db, user.trim())
    : await findUserById(db, user.trim());
  if (found) return found;
  const textIn = (language: Language) => escalationText.say(language, "user_unknown", { user });
  throw new AppError("validation_failed", textIn("en"), {
    textIn,
    violationsIn: (language) => [violation("user", "user_unknown", textIn(language))],
  });
}
