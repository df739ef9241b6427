import { englishText, orList, type RuleText, say } from "../i18n/rule-text.ts";
import type { Playbook, Stage } from "../playbook/playbook-schema.ts";
import { roleIds } from "./role-grants.ts";

/** What the policy reads from the active playbook: who records status per stage, and role names. */
export interface PolicyContext {
  /** Role ids the scenario rows of each stage name under "Who Updates" (the Admin is not listed). */
  stageWriters: Record<Stage, readonly string[]>;
  /** The display name of a role id, for refusals people read. */
  roleName(roleId: string): string;
  /** The language refusals are written in. */
  text: RuleText;
}

export const stages: readonly Stage[] = ["assignment", "delivery"];

/**
 * Derives the policy's view of a playbook: the stage rules of the scenario
 * tables become "who may write status in which stage", so a playbook that lets
 * Partners record Delivery rows gives Partners that right without code changes.
 */
export function policyContextOf(playbook: Playbook, text: RuleText = englishText): PolicyContext {
  const writers: Record<Stage, Set<string>> = { assignment: new Set(), delivery: new Set() };
  for (const row of playbook.scenarios) {
    for (const role of row.updatedBy) writers[row.stage].add(role);
  }
  const names = new Map(playbook.roles.map((role) => [role.id, role.name]));
  return {
    stageWriters: { assignment: [...writers.assignment], delivery: [...writers.delivery] },
    roleName: (roleId) => names.get(roleId) ?? (roleId === roleIds.admin ? "Admin" : roleId),
    text,
  };
}

/** "the Delivery FM", "the Assignment FM or the Delivery FM" (German: "Assignment FM oder Delivery FM"). */
export function rolesInWords(context: PolicyContext, roles: readonly string[]): string {
  const { text } = context;
  if (roles.length === 0) return say(text, "role_nobody");
  return orList(
    text,
    roles.map((role) => say(text, "role_in_list", { role: context.roleName(role) })),
  );
}
