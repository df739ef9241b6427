import { Command, InvalidArgumentError } from "commander";
import { createWorkItem } from "../../app/work-items/create-work-item.ts";
import { getShippedReport } from "../../app/work-items/get-shipped-report.ts";
import { listWorkItems } from "../../app/work-items/list-work-items.ts";
import { shipWorkItem } from "../../app/work-items/ship-work-item.ts";
import { updateWorkItem } from "../../app/work-items/update-work-item.ts";
import { workItemStateNames } from "../../domain/work-items/work-item-fields.ts";
import type { ShippedReportRow, WorkItem } from "../../http/schemas/work-items.ts";
import { type CommandIo, count, processIo } from "./command-io.ts";
import { asOption } from "./users-command-support.ts";

/**
 * `unblock work-items list|add|update|ship|report`: the roadmap loop of
 * docs/ROADMAP.md, as the API and the Roadmap page give it. Writes act as
 * --as and are audited with source "cli"; the product group (Engineering)
 * and Admins write, every report reader lists.
 */
export function workItemsCommand(io: CommandIo = processIo): Command {
  const command = new Command("work-items").description(
    "Product work items linked to Blocked reasons: seats each would unblock, ship, 90-day report",
  );
  addList(command, io);
  addCreate(command, io);
  addUpdate(command, io);
  addShip(command, io);
  addReport(command, io);
  return command;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("write a whole number.");
  return Number(value);
}

const seatText = (item: { blocked: { seats: number; tenants: number } | null }) =>
  item.blocked === null
    ? "withheld (fewer than 5 tenants)"
    : `${count(item.blocked.seats)} seats at ${count(item.blocked.tenants)} tenants`;

/** One line per item: id, state, title, link, and what shipping it unblocks. */
export function workItemLine(item: WorkItem): string {
  const link = item.l3Name ? `${item.l2Name} / ${item.l3Name}` : item.l2Name;
  const services = item.serviceIds.length > 0 ? ` [${item.serviceIds.join(", ")}]` : "";
  const when = item.shippedDate
    ? `shipped ${item.shippedDate}`
    : item.expectedDate
      ? `expected ${item.expectedDate}`
      : "no date";
  const verb = item.state === "shipped" ? "still Blocked" : "unblocks";
  return `${item.id}  v${item.version}  ${workItemStateNames[item.state]}  ${item.title}  (${link}${services}; ${when})  ${verb}: ${seatText(item)}`;
}

function addList(parent: Command, io: CommandIo): void {
  parent
    .command("list", { isDefault: true })
    .description("Every work item with the seats Blocked for it now")
    .option("--state <state>", "proposed, planned, in_development or shipped")
    .option("--url <url>", "the item a tracker links to")
    .option("--json", "print the same JSON as GET /api/work-items")
    .option(...asOption)
    .action(async (options: { state?: string; url?: string; json?: boolean; as?: string }) => {
      await io.withApp({ as: options.as }, async (deps, actor) => {
        const list = await listWorkItems(deps, actor, { state: options.state, externalUrl: options.url });
        if (options.json) return io.out(`${JSON.stringify(list, null, 2)}\n`);
        const lines = list.items.map(workItemLine);
        return io.out(
          `${lines.join("\n")}${lines.length > 0 ? "\n" : ""}${count(lines.length)} work items.\n`,
        );
      });
    });
}

interface FieldOptions {
  title?: string;
  url?: string;
  state?: string;
  l2?: string;
  l3?: string;
  service?: string[];
  expected?: string;
}

const fieldOptions = (command: Command) =>
  command
    .option("--url <url>", "its http(s) address in the tracker")
    .option("--state <state>", "proposed, planned or in_development")
    .option("--l3 <l3>", "an L3 of the L2, by id or name")
    .option("--service <service>", "a linked service (repeat for more); none links every service", collect)
    .option("--expected <date>", "expected date, YYYY-MM-DD")
    .option("--json", "print the item as JSON")
    .option(...asOption);

const fieldsOf = (options: FieldOptions) => ({
  ...(options.title !== undefined ? { title: options.title } : {}),
  ...(options.url !== undefined ? { externalUrl: options.url } : {}),
  ...(options.state !== undefined ? { state: options.state } : {}),
  ...(options.l2 !== undefined ? { l2: options.l2 } : {}),
  ...(options.l3 !== undefined ? { l3: options.l3 } : {}),
  ...(options.service !== undefined ? { serviceIds: options.service } : {}),
  ...(options.expected !== undefined ? { expectedDate: options.expected } : {}),
});

function addCreate(parent: Command, io: CommandIo): void {
  fieldOptions(
    parent
      .command("add")
      .description("Add a work item linked to an L2 of Blocked")
      .requiredOption("--title <title>", "what ships")
      .requiredOption("--l2 <l2>", "an L2 of Blocked, by id, name or alias"),
  ).action(async (options: FieldOptions & { title: string; l2: string; json?: boolean; as?: string }) => {
    await io.withApp({ as: options.as }, async (deps, actor) => {
      const item = await createWorkItem(
        deps,
        { actor, source: "cli" },
        { ...fieldsOf(options), title: options.title, l2: options.l2 },
      );
      await io.out(options.json ? `${JSON.stringify(item, null, 2)}\n` : `Added: ${workItemLine(item)}\n`);
    });
  });
}

function addUpdate(parent: Command, io: CommandIo): void {
  fieldOptions(
    parent
      .command("update <id>")
      .description("Edit a work item; --item-version is the version you read (a stale one is refused)")
      // Not --version: the program's own --version would answer it.
      .requiredOption("--item-version <n>", "the version the edit is made on", wholeNumber)
      .option("--title <title>", "a new title")
      .option("--l2 <l2>", "a new L2 of Blocked"),
  ).action(
    async (id: string, options: FieldOptions & { itemVersion: number; json?: boolean; as?: string }) => {
      await io.withApp({ as: options.as }, async (deps, actor) => {
        const item = await updateWorkItem(deps, { actor, source: "cli" }, id, {
          version: options.itemVersion,
          ...fieldsOf(options),
        });
        await io.out(options.json ? `${JSON.stringify(item, null, 2)}\n` : `Saved: ${workItemLine(item)}\n`);
      });
    },
  );
}

function addShip(parent: Command, io: CommandIo): void {
  parent
    .command("ship <id>")
    .description("Mark it shipped: re-check items and notices for the owners of its Blocked seats (once)")
    .option("--date <date>", "the day it shipped, YYYY-MM-DD (default today)")
    .option("--json", "print the same JSON as POST /api/work-items/:id/ship")
    .option(...asOption)
    .action(async (id: string, options: { date?: string; json?: boolean; as?: string }) => {
      await io.withApp({ as: options.as }, async (deps, actor) => {
        const result = await shipWorkItem(
          deps,
          { actor, source: "cli" },
          id,
          options.date ? { shippedDate: options.date } : {},
        );
        if (options.json) return io.out(`${JSON.stringify(result, null, 2)}\n`);
        if (!result.shipped)
          return io.out(`Already shipped on ${result.workItem.shippedDate}; nothing done again.\n`);
        return io.out(
          `Shipped on ${result.workItem.shippedDate}: ${count(result.entitlements)} Blocked entitlements, ${count(result.rechecks)} re-check items, ${count(result.people)} people told, ${count(result.unowned)} with no owner to tell.\n`,
        );
      });
    });
}

function reportLine(row: ShippedReportRow): string {
  const seats =
    row.unblocked === null
      ? "withheld (fewer than 5 tenants)"
      : `${count(row.unblocked.seats)} seats at ${count(row.unblocked.tenants)} tenants`;
  const window = row.complete ? `to ${row.windowEnds}` : `so far (window ends ${row.windowEnds})`;
  return `${row.shippedDate}  ${row.title}  unblocked ${window}: ${seats}`;
}

function addReport(parent: Command, io: CommandIo): void {
  parent
    .command("report")
    .description("Seats unblocked in the 90 days after each ship, from the status history")
    .option("--json", "print the same JSON as GET /api/work-items/shipped-report")
    .option(...asOption)
    .action(async (options: { json?: boolean; as?: string }) => {
      await io.withApp({ as: options.as }, async (deps, actor) => {
        const report = await getShippedReport(deps, actor);
        if (options.json) return io.out(`${JSON.stringify(report, null, 2)}\n`);
        const lines = report.items.map(reportLine);
        return io.out(lines.length > 0 ? `${lines.join("\n")}\n` : "No work item has shipped yet.\n");
      });
    });
}
