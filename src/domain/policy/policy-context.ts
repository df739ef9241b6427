import type { Playbook, Stage } from "../playbook/playbook-schema.ts";
import { roleIds } from "./role-grants.ts";

/** What the policy reads from the active playbook: who records status per stage, and role names. */
export interface PolicyContext {
  /** Role ids the scenario rows of each stage name under "Who Updates" (the Admin is not listed). */
  stageWriters: Record<Stage, readonly string[]>;
  /** The display name of a role id, for refusals people read. */
  roleName(roleId: string): string;
}

export const stages: readonly Stage[] = ["assignment", "delivery"];

/**
 * Derives the policy's view of a playbook: the stage rules of the scenario
 * tables become "who may write status in which stage", so a playbook that lets
 * Partners record Delivery rows gives Partners that right without code changes.
 */
export function policyContextOf(playbook: Playbook): PolicyContext {
  const writers: Record<Stage, Set<string>> = { assignment: new Set(), delivery: new Set() };
  for (const row of playbook.scenarios) {
    for (const role of row.updatedBy) writers[row.stage].add(role);
  }
  const names = new Map(playbook.roles.map((role) => [role.id, role.name]));
  return {
    stageWriters: { assignment: [...writers.assignment], delivery: [...writers.delivery] },
    roleName: (roleId) => names.get(roleId) ?? (roleId === roleIds.admin ? "Admin" : roleId),
  };
}

/** "the Delivery FM", "the Assignment FM or the Delivery FM". */
export function rolesInWords(context: PolicyContext, roles: readonly string[]): string {
  const names = roles.map((role) => `the ${context.roleName(role)}`);
  if (names.length <= 1) return names[0] ?? "nobody";
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}
