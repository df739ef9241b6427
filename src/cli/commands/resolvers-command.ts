import { Command } from "commander";
import { addResolverMember } from "../../app/escalations/add-resolver-member.ts";
import { listResolverGroups } from "../../app/escalations/list-resolver-groups.ts";
import { removeResolverMember } from "../../app/escalations/remove-resolver-member.ts";
import type { ResolverGroup } from "../../http/schemas/escalations.ts";
import { type CommandIo, processIo } from "./command-io.ts";
import { asOption } from "./users-command-support.ts";

/**
 * `unblock resolvers` lists the playbook's resolver groups with their people;
 * `unblock resolvers add|remove <group> <user>` changes who belongs to one
 * (Admins only; docs/ESCALATIONS.md). A group is named as the playbook
 * names it ("Account Team"), a user by email or id.
 */
export function resolversCommand(io: CommandIo = processIo): Command {
  const resolvers = new Command("resolvers")
    .description("List the resolver groups escalations go to, and who belongs to each")
    .option("--json", "print JSON")
    .option(...asOption)
    .action(async (options: { json?: boolean; as?: string }) => {
      await io.withApp({ as: options.as }, async (deps, actor) => {
        const groups = await listResolverGroups(deps, actor);
        await io.out(options.json ? `${JSON.stringify(groups, null, 2)}\n` : groups.map(groupText).join(""));
      });
    });
  resolvers
    .command("add <group> <user>")
    .description("Add a user (email or id) to a resolver group; they are told of its escalations")
    .option(...asOption)
    .action(async (group: string, user: string, options: { as?: string }) => {
      await io.withApp({ as: options.as ?? resolvers.opts().as }, async (deps, actor) => {
        const changed = await addResolverMember(deps, { actor, source: "cli" }, { group, user });
        await io.out(groupText(changed));
      });
    });
  resolvers
    .command("remove <group> <user>")
    .description("Remove a user (email or id) from a resolver group")
    .option(...asOption)
    .action(async (group: string, user: string, options: { as?: string }) => {
      await io.withApp({ as: options.as ?? resolvers.opts().as }, async (deps, actor) => {
        const changed = await removeResolverMember(deps, { actor, source: "cli" }, { group, user });
        await io.out(groupText(changed));
      });
    });
  return resolvers;
}

function groupText(group: ResolverGroup): string {
  const l2s = group.l2s.map((l2) => l2.name).join(", ");
  const head = `${group.name}${group.inPlaybook ? "" : " (not in the playbook)"}: ${group.memberCount} member${group.memberCount === 1 ? "" : "s"}${l2s ? `; L2s: ${l2s}` : ""}\n`;
  const people = group.members.map(
    (member) => `  ${member.name} <${member.email}> (${member.role})${member.disabled ? " disabled" : ""}\n`,
  );
  return head + people.join("");
}
