import type { PlaybookIndex } from "../playbook/playbook-index.ts";
import { roleIds } from "../policy/role-grants.ts";

/**
 * The life of an escalation to a resolver group (docs/ESCALATIONS.md), and
 * who may move it. Pure: the use-cases pass in what they read.
 */

export const escalationStates = ["open", "acknowledged", "resolved", "declined"] as const;
export type EscalationState = (typeof escalationStates)[number];

/** The rules of the playbook that raise escalations by themselves. */
export const escalationRuleIds = ["target_slipped", "blocked_too_long"] as const;
export type EscalationRuleId = (typeof escalationRuleIds)[number];

export const escalationActions = ["acknowledge", "resolve", "decline"] as const;
export type EscalationAction = (typeof escalationActions)[number];

/** Where each action may start and where it leads. Resolved and declined are final. */
export const transitions: Record<
  EscalationAction,
  { from: readonly EscalationState[]; to: EscalationState }
> = {
  acknowledge: { from: ["open"], to: "acknowledged" },
  resolve: { from: ["open", "acknowledged"], to: "resolved" },
  decline: { from: ["open", "acknowledged"], to: "declined" },
};

/** Open and acknowledged escalations still wait on their group. */
export function isActive(state: string): boolean {
  return state === "open" || state === "acknowledged";
}

export type HandleDecision =
  | { allowed: true }
  | { allowed: false; rule: "not_group_member"; reason: string; instead: string };

/**
 * Whether someone may acknowledge, resolve or decline an escalation sent to
 * `group`: its members and Admins. Everyone else is refused, saying who may.
 */
export function mayHandle(role: string, isMember: boolean, group: string): HandleDecision {
  if (isMember || role === roleIds.admin) return { allowed: true };
  return {
    allowed: false,
    rule: "not_group_member",
    reason: `Only the members of the resolver group "${group}" (and Admins) acknowledge, resolve or decline its escalations; you are not one of them.`,
    instead: `Comment on it instead, or ask an Admin to add you to "${group}".`,
  };
}

/** The resolver of an L2: the group its escalations go to and the business days it has. */
export interface Resolver {
  l1: string;
  l2: string;
  l2Name: string;
  group: string;
  slaBusinessDays: number;
}

export function resolverOf(index: PlaybookIndex, l1: string, l2: string): Resolver | null {
  const found = index.l2(l1, l2);
  if (!found) return null;
  return {
    l1,
    l2,
    l2Name: found.name,
    group: found.resolver.group,
    slaBusinessDays: found.resolver.slaBusinessDays ?? index.playbook.escalations.slaBusinessDays,
  };
}

/** Every resolver group the playbook names, once each, in the playbook's order, with the L2s sending to it. */
export function resolverGroupsOf(
  index: PlaybookIndex,
): { name: string; l2s: { l1: string; l2: string; name: string }[] }[] {
  const groups = new Map<string, { l1: string; l2: string; name: string }[]>();
  for (const l1 of index.playbook.l1s) {
    for (const l2 of l1.l2s) {
      const list = groups.get(l2.resolver.group) ?? [];
      list.push({ l1: l1.id, l2: l2.id, name: l2.name });
      groups.set(l2.resolver.group, list);
    }
  }
  return [...groups].map(([name, l2s]) => ({ name, l2s }));
}
