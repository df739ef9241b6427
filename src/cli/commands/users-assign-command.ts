import type { Command } from "commander";
import type { Actor, AppDeps } from "../../app/app-deps.ts";
import { assignUser } from "../../app/users/assign-user.ts";
import { listAssignments } from "../../app/users/list-assignments.ts";
import { unassignUser } from "../../app/users/unassign-user.ts";
import { findCustomerByKey, findTenantByKey } from "../../db/repositories/assignment-repository.ts";
import { AppError } from "../../domain/app-error.ts";
import type { CommandIo } from "./command-io.ts";
import { asOption, contextOf, userByEmail } from "./users-command-support.ts";

interface AssignOptions {
  tenant?: string;
  customer?: string;
  primary?: boolean;
  remove?: boolean;
  as?: string;
}

/** `unblock users assign <email> --tenant|--customer [--primary] [--remove]`. */
export function addUsersAssignCommand(users: Command, io: CommandIo): void {
  users
    .command("assign <email>")
    .description("Assign a user to a tenant (by domain or id) or a customer (by external id or id)")
    .option("--tenant <domain|id>", "the tenant")
    .option("--customer <externalId|id>", "the customer: covers all its tenants")
    .option("--primary", "as the primary (FMs may then assign others there)")
    .option("--remove", "remove the assignment instead")
    .option(...asOption)
    .action(async (email: string, options: AssignOptions) => {
      if (!options.tenant === !options.customer) {
        io.err("error: name exactly one of --tenant and --customer\n");
        io.fail(2);
        return;
      }
      await io.withApp({ as: options.as }, async (deps, actor) => {
        const message = options.remove
          ? await removeAssignment(deps, actor, email, options)
          : await addAssignment(deps, actor, email, options);
        await io.out(`${message}\n`);
      });
    });
}

/** The tenant or customer named by --tenant or --customer, with the assignment fields that point at it. */
async function assignTarget(deps: AppDeps, options: AssignOptions) {
  const db = deps.database.db;
  const tenant = options.tenant ? await findTenantByKey(db, options.tenant) : null;
  const customer = options.customer ? await findCustomerByKey(db, options.customer) : null;
  const target = tenant ?? customer;
  if (!target) {
    throw new AppError(
      "not_found",
      `There is no ${options.tenant ? "tenant" : "customer"} ${options.tenant ?? options.customer}.`,
    );
  }
  const where = tenant ? { tenantId: tenant.id } : { customerId: target.id };
  return { tenant, target, where };
}

async function addAssignment(deps: AppDeps, actor: Actor, email: string, options: AssignOptions) {
  const user = await userByEmail(deps, email);
  const { target, where } = await assignTarget(deps, options);
  const assignment = await assignUser(deps, contextOf(actor), {
    userId: user.user.id,
    ...where,
    primary: options.primary ?? false,
  });
  return `Assigned ${email} to ${target.name}${assignment.primary ? " as primary" : ""}.`;
}

async function removeAssignment(deps: AppDeps, actor: Actor, email: string, options: AssignOptions) {
  const user = await userByEmail(deps, email);
  const { tenant, target, where } = await assignTarget(deps, options);
  const existing = await listAssignments(deps, actor, { userId: user.user.id, ...where });
  const own = existing.find((a) => (tenant ? a.tenant?.id === tenant.id : a.customer?.id === target.id));
  if (!own) throw new AppError("not_found", `${email} is not assigned to ${target.name}.`);
  await unassignUser(deps, contextOf(actor), own.id);
  return `Removed ${email} from ${target.name}.`;
}
