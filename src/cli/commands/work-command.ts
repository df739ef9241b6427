import { Command, InvalidArgumentError } from "commander";
import type { AppDeps } from "../../app/app-deps.ts";
import { getMyWork } from "../../app/my-work/get-my-work.ts";
import type { MyWork, MyWorkItem } from "../../http/schemas/my-work.ts";
import { type CommandIo, count, processIo } from "./command-io.ts";
import { asOption } from "./users-command-support.ts";

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("write a whole number.");
  return Number(value);
}

/** `unblock work --as <email> [--json]`: My work, as the web app and GET /api/my-work give it. */
export function workCommand(io: CommandIo = processIo): Command {
  return new Command("work")
    .description("What you own or are assigned to: overdue, due this week, Blocked past target, the rest")
    .option(...asOption)
    .option("--limit <n>", "most items per group (default 100; counts are complete)", wholeNumber)
    .option("--json", "print the same JSON as GET /api/my-work")
    .action(async (options: { as?: string; json?: boolean; limit?: number }) => {
      await io.withApp({ as: options.as }, async (deps, actor) => {
        const work = await getMyWork(
          deps,
          actor,
          options.limit === undefined ? {} : { limit: options.limit },
        );
        await io.out(
          options.json
            ? `${JSON.stringify(work, null, 2)}\n`
            : workText(deps, work, `${actor.name} <${actor.email}>`),
        );
      });
    });
}

const columns = ["Customer", "Tenant", "Service", "Status", "Owner", "Date", "Why"] as const;

/** The groups as plain-text tables, one after another, each under its label and count. */
export function workText(deps: AppDeps, work: MyWork, who: string): string {
  const lines = [
    `My work of ${who} on ${work.today} (${work.timeZone}; this week ends ${work.weekEnds}): ${count(work.counts.total)} ${work.counts.total === 1 ? "entitlement" : "entitlements"}.`,
  ];
  for (const group of work.groups) {
    const shown = group.items.length < group.count ? `, ${count(group.items.length)} shown` : "";
    lines.push("", `${group.label} (${count(group.count)}${shown})`);
    if (group.items.length === 0) continue;
    lines.push(...table(group.items.map((item) => cellsOf(deps, item))));
  }
  return `${lines.join("\n")}\n`;
}

function cellsOf(deps: AppDeps, item: MyWorkItem): string[] {
  const { entitlement } = item;
  const status = entitlement.segments
    .map((segment) => `${deps.playbook.index.l1(segment.l1)?.name ?? segment.l1} ${count(segment.seats)}`)
    .join(", ");
  // Owners by name: a person, a team with its people, or text that matched nobody.
  const owners = [
    ...new Set(entitlement.segments.map((segment) => segment.ownerResolved?.display ?? segment.owner)),
  ]
    .filter(Boolean)
    .join("; ");
  return [
    entitlement.customer.name,
    entitlement.tenant.name,
    entitlement.service.name,
    status || "no status",
    owners,
    item.date ?? "",
    item.reason,
  ];
}

/** Rows padded into columns under the header (the last column, the reason, is left ragged). */
function table(rows: string[][]): string[] {
  const all = [[...columns], ...rows];
  const widths = columns.map((_, column) => Math.max(...all.map((row) => (row[column] ?? "").length)));
  return all.map((row) =>
    row
      .map((cell, column) => (column === columns.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}
