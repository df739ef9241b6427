import type { Command } from "commander";
import { reassignUser } from "../../app/users/reassign-user.ts";
import type { ReassignPlan } from "../../http/schemas/users.ts";
import type { CommandIo } from "./command-io.ts";
import { asOption, contextOf } from "./users-command-support.ts";

interface ReassignOptions {
  customer?: string[];
  tenant?: string[];
  dryRun?: boolean;
  json?: boolean;
  as?: string;
}

/** `unblock users reassign <from-email> <to-email> [--customer key...] [--tenant key...] [--dry-run] [--json]`. */
export function addUsersReassignCommand(users: Command, io: CommandIo): void {
  users
    .command("reassign <from-email> <to-email>")
    .description(
      "Move a person's customers and tenants, and the seats they own there, to another person of the same role",
    )
    .option("--customer <key...>", "only these customers (external id or id)")
    .option("--tenant <key...>", "only these tenants (domain or id)")
    .option("--dry-run", "show what would move, writing nothing")
    .option("--json", "print the plan as JSON")
    .option(...asOption)
    .action(async (from: string, to: string, options: ReassignOptions) => {
      await io.withApp({ as: options.as }, async (deps, actor) => {
        const plan = await reassignUser(deps, contextOf(actor), {
          from,
          to,
          customerIds: options.customer,
          tenantIds: options.tenant,
          dryRun: options.dryRun ?? false,
        });
        await io.out(options.json ? `${JSON.stringify(plan, null, 2)}\n` : planText(plan));
      });
    });
}

function planText(plan: ReassignPlan): string {
  const verb = plan.applied ? "Moved" : "Would move";
  const lines = [
    `${verb} ${plan.assignments.length} assignment(s) and ${plan.segments.length} owned segment(s) from ${plan.from.email} to ${plan.to.email}.`,
    ...plan.assignments.map((a) => {
      const target = a.customer ? `customer ${a.customer.name}` : `tenant ${a.tenant?.name ?? ""}`;
      return `  ${target}${a.primary ? " (primary)" : ""}${a.merged ? ` (${plan.to.email} already assigned)` : ""}`;
    }),
    ...plan.segments.map(
      (s) => `  owner of ${s.customerName} / ${s.tenantName} / ${s.serviceId} #${s.position + 1} (${s.l1})`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
