import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { Command, InvalidArgumentError, Option } from "commander";
import type { AppDeps } from "../../app/app-deps.ts";
import {
  type ExportFilter,
  type ExportFormat,
  exportEntitlements,
  exportFormats,
} from "../../app/entitlements/export-entitlements.ts";
import type { EntitlementSort } from "../../app/entitlements/list-entitlements.ts";
import { contradictionKinds } from "../../domain/usage/assess-usage.ts";
import { type CommandIo, count, processIo } from "./command-io.ts";

interface ExportOptions {
  format: ExportFormat;
  out?: string;
  as?: string;
  l1: string[];
  l2: string[];
  l3: string[];
  service: string[];
  owner: string[];
  stage: string[];
  overdue?: boolean;
  q?: string;
  customerId?: string;
  tenantId?: string;
  targetFrom?: string;
  targetTo?: string;
  sort?: EntitlementSort;
  order?: "asc" | "desc";
  usageShareMin?: number;
  usageShareMax?: number;
  contradiction?: string;
  ended?: string;
  resplitNeeded?: boolean;
  asOf?: string;
}

/** Repeatable option that also splits on commas: --l1 blocked,no_intent --l1 in_progress. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(",").map((part) => part.trim())].filter((part) => part !== "");
}

function percent(value: string): number {
  const parsed = Number(value);
  if (value.trim() === "" || !Number.isFinite(parsed) || parsed < 0)
    throw new InvalidArgumentError("give a percentage, 0 or more (10 for 10%).");
  return parsed;
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError("write the date as YYYY-MM-DD.");
  return value;
}

/** `unblock export`: the portfolio, or a filtered part of it, as the status CSV (importable again) or JSON. */
export function exportCommand(io: CommandIo = processIo): Command {
  return new Command("export")
    .description("Export entitlements and their status segments as CSV (docs/CSV.md), JSON or JSON Lines")
    .addOption(new Option("--format <format>", "file format").choices(exportFormats).default("csv"))
    .option("--out <file>", "write to this file instead of standard output")
    .option("--as <email>", "act as this user (default: UNBLOCK_USER, else admin@unblock.test)")
    .option("--l1 <l1>", "only services with a segment in this L1 (id or name; repeatable)", collect, [])
    .option("--l2 <l2>", "... with this L2 (repeatable)", collect, [])
    .option("--l3 <l3>", "... with this L3 id (repeatable)", collect, [])
    .option("--service <service>", "only this service (id, name or code; repeatable)", collect, [])
    .option("--owner <owner>", "only segments owned by (repeatable)", collect, [])
    .option("--stage <stage>", "assignment or delivery", collect, [])
    .option("--overdue", "only services with a next action date before today")
    .option("--q <text>", "free text over customer, tenant and notes")
    .option("--customer-id <id>", "only this customer's tenants")
    .option("--tenant-id <id>", "only this tenant")
    .option("--target-from <date>", "a target date on or after (YYYY-MM-DD)", isoDate)
    .option("--target-to <date>", "a target date on or before (YYYY-MM-DD)", isoDate)
    .addOption(
      new Option("--sort <key>", "order (default customer)").choices([
        "customer",
        "updated",
        "target_date",
        "next_action_date",
        "blocked_seats",
        "usage_share",
      ]),
    )
    .addOption(new Option("--order <order>", "asc or desc").choices(["asc", "desc"]))
    .option("--usage-share-min <percent>", "newest usage at least this % of the available seats", percent)
    .option("--usage-share-max <percent>", "... at most this %", percent)
    .addOption(
      new Option("--contradiction <kind>", "only statuses the usage contradicts (docs/USAGE.md)").choices([
        "any",
        ...contradictionKinds,
      ]),
    )
    .addOption(
      new Option("--ended <which>", "ended services: exclude (default), include, only").choices([
        "exclude",
        "include",
        "only",
      ]),
    )
    .option("--resplit-needed", "only split statuses a seat change left not adding up")
    .option("--as-of <date>", "the statuses as they stood at the end of this UTC day (YYYY-MM-DD)", isoDate)
    .action(async (options: ExportOptions) => {
      await io.withApp({ as: options.as }, async (deps, actor) => {
        // The acting user sees in an export what the app would show them.
        const filter = filterOf(deps, options);
        const file = options.out ? createWriteStream(options.out) : null;
        const write = file ? (chunk: string) => writeTo(file, chunk) : io.out;
        try {
          const counts = await exportEntitlements(deps, actor, filter, options.format, write);
          if (file) {
            io.err(
              `Wrote ${count(counts.entitlements)} services (${count(counts.rows)} ${options.format === "csv" ? "rows" : "items"}) to ${options.out}.\n`,
            );
          }
        } finally {
          if (file) await new Promise<void>((resolve) => file.end(resolve));
        }
      });
    });
}

/**
 * The list filter from the options. L1, L2 and service names are turned into
 * the ids the list filters on, so `--l1 Blocked` works like `--l1 blocked`.
 */
function filterOf(deps: AppDeps, options: ExportOptions): ExportFilter {
  const { index } = deps.playbook;
  const l2Id = (name: string) =>
    index.playbook.l1s.map((l1) => index.findL2(l1.id, name)?.id).find((id) => id !== undefined) ?? name;
  const filter: ExportFilter = {
    l1: options.l1.map((name) => index.findL1(name)?.id ?? name),
    l2: options.l2.map(l2Id),
    l3: options.l3,
    serviceId: options.service.map((name) => index.service(name)?.id ?? name),
    owner: options.owner,
    stage: options.stage,
  };
  if (options.overdue) filter.overdue = true;
  if (options.q) filter.q = options.q;
  if (options.customerId) filter.customerId = options.customerId;
  if (options.tenantId) filter.tenantId = options.tenantId;
  if (options.targetFrom) filter.targetFrom = options.targetFrom;
  if (options.targetTo) filter.targetTo = options.targetTo;
  if (options.sort) filter.sort = options.sort;
  if (options.order) filter.order = options.order;
  if (options.usageShareMin !== undefined) filter.usageShareMin = options.usageShareMin;
  if (options.usageShareMax !== undefined) filter.usageShareMax = options.usageShareMax;
  if (options.contradiction) filter.contradiction = options.contradiction;
  if (options.ended) filter.ended = options.ended;
  if (options.resplitNeeded) filter.resplitNeeded = true;
  if (options.asOf) filter.asOf = options.asOf;
  return filter;
}

/** Waits for the file to drain when its buffer is full, so a big export stays small in memory. */
async function writeTo(stream: WriteStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, "drain");
}
