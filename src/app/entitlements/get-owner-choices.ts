import { peopleAssignedTo, usersNotAssignedTo } from "../../db/repositories/owner-repository.ts";
import { ownerTeamsOf, teamOwner } from "../../domain/owners/segment-owner.ts";
import type { OwnerChoices } from "../../http/schemas/owners.ts";
import type { Actor, AppDeps } from "../app-deps.ts";
import { requireTenantAction } from "../auth/authorize-actor.ts";
import { indexFor } from "../playbook/playbook-translations.ts";

/**
 * What the owner picker offers for one entitlement (docs/OWNERS.md): the
 * playbook's teams with their people here, then the people assigned to its
 * tenant or customer, then everyone else (whom a write refuses until assigned).
 * People's role names are in the reader's language; a team's name stays the
 * playbook's English one, as the owner text stores it and a write resolves it.
 */
export async function getOwnerChoices(
  deps: AppDeps,
  actor: Actor,
  entitlementId: string,
): Promise<OwnerChoices> {
  const db = deps.database.db;
  const { tenantId } = await requireTenantAction(deps, db, actor, { type: "tenant.read" }, { entitlementId });
  const assigned = (await peopleAssignedTo(db, [tenantId])).get(tenantId) ?? [];
  const others = await usersNotAssignedTo(db, tenantId);
  const { index } = deps.playbook;
  const reader = indexFor(deps, actor);
  const roleName = (role: string) => reader.role(role)?.name ?? role;
  const withRole = (person: (typeof assigned)[number]) => ({ ...person, roleName: roleName(person.role) });
  return {
    teams: ownerTeamsOf(index).map((team) => {
      const owner = teamOwner(team, assigned);
      return { role: team.id, name: team.name, people: owner.people };
    }),
    assigned: [...new Map(assigned.map((person) => [person.id, withRole(person)])).values()],
    others: others.map(withRole),
  };
}
