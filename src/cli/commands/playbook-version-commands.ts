import type { Command } from "commander";
import type {
  PlaybookApplyResult,
  PlaybookChangeReport,
  PlaybookVersionView,
} from "../../http/schemas/playbook-versions.ts";
import type { CommandIo } from "./command-io.ts";

/**
 * `unblock playbook diff|apply|versions` (docs/PLAYBOOK-VERSIONS.md): what a
 * new playbook file changes against the database, moving the stored statuses
 * to it, and the versions recorded. They open the database without the
 * start-up check, which is what refuses a file they are there to apply.
 * The use-cases and `io` load on first use: `playbook validate` never loads a database driver.
 */
export function addPlaybookVersionCommands(command: Command, given?: CommandIo): void {
  const ioOf = async () => given ?? (await import("./command-io.ts")).processIo;
  command
    .command("diff")
    .description(
      "What changed from one playbook file to another, and the statuses and seats each change touches",
    )
    .argument("<old>", "the playbook file in use (or any earlier one)")
    .argument("<new>", "the new playbook file")
    .option("--json", "print JSON")
    .option(...asOption)
    .action(async (old: string, next: string, options: { json?: boolean; as?: string }) => {
      const io = await ioOf();
      await io.withApp({ as: options.as, checkPlaybook: false }, async (deps, actor) => {
        const { diffPlaybooks } = await import("../../app/playbook/diff-playbooks.ts");
        const report = await diffPlaybooks(deps, actor, { old: { path: old }, next: { path: next } });
        await io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : reportText(report).join("\n"));
      });
    });
  command
    .command("apply")
    .description("Make a playbook file the one in use: remap the stored statuses its changes: section moves")
    .argument("<file>", "the new playbook file")
    .option("--dry-run", "show what it would remap; change nothing")
    .option("--json", "print JSON")
    .option(...asOption)
    .action(async (file: string, options: { dryRun?: boolean; json?: boolean; as?: string }) => {
      const io = await ioOf();
      await io.withApp({ as: options.as, checkPlaybook: false }, async (deps, actor) => {
        const { applyPlaybook } = await import("../../app/playbook/apply-playbook.ts");
        const result = await applyPlaybook(
          deps,
          { actor, source: "cli" },
          { candidate: { path: file }, dryRun: options.dryRun === true },
        );
        await io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : applyText(result).join("\n"));
        const { loadPlaybook } = await import("../../app/playbook/load-playbook.ts");
        const { translationWarnings } = await import("../../app/playbook/translation-warnings.ts");
        for (const warning of translationWarnings(loadPlaybook(file))) {
          io.err(`warning: translation ${warning}\n`);
        }
      });
    });
  command
    .command("versions")
    .description("The playbook versions this database ran on, oldest first")
    .option("--json", "print JSON")
    .option(...asOption)
    .action(async (options: { json?: boolean; as?: string }) => {
      const io = await ioOf();
      await io.withApp({ as: options.as, checkPlaybook: false }, async (deps, actor) => {
        const { listPlaybookVersions } = await import("../../app/playbook/list-playbook-versions.ts");
        const versions = await listPlaybookVersions(deps, actor);
        await io.out(
          options.json
            ? `${JSON.stringify(versions, null, 2)}\n`
            : `${versions.map(versionLine).join("\n")}\n`,
        );
      });
    });
}

const asOption = [
  "--as <email>",
  "act as this user (default: UNBLOCK_USER, else admin@unblock.test)",
] as const;
const count = (value: number) => value.toLocaleString("en-US");
const seats = (value: number) => `${count(value)} seat${value === 1 ? "" : "s"}`;
const statuses = (value: number) => `${count(value)} status${value === 1 ? "" : "es"}`;

/** The text of `diff`, and the body of `apply`'s. */
export function reportText(report: PlaybookChangeReport): string[] {
  const from = report.from ? `${report.from.id} ${report.from.version}` : "(none recorded)";
  const lines = [`Playbook ${from} -> ${report.to.id} ${report.to.version}`, "", "Declared changes:"];
  if (report.changes.length === 0) lines.push("  (none)");
  for (const counted of report.changes) {
    const { change } = counted;
    const targets =
      change.kind === "split"
        ? change.into
            .map(
              (part) =>
                `${part.to}${part.services ? ` [${part.services.join(", ")}]` : ""}${part.l3s ? ` [L3 ${part.l3s.join(", ")}]` : ""}`,
            )
            .join(" | ")
        : change.kind === "retire"
          ? change.replacedBy
          : change.to;
    const from = change.kind === "merge" ? change.from.join(" + ") : change.from;
    const items = counted.workItems > 0 ? `, ${count(counted.workItems)} work items` : "";
    lines.push(
      `  ${change.version} ${change.kind} ${from} -> ${targets}: ${statuses(counted.statuses)}, ${seats(counted.seats)}${items}`,
    );
    if (change.kind === "split") lines.push(`      rule: ${change.rule}`);
    if (change.note) lines.push(`      ${change.note}`);
  }
  lines.push("", "Differences:");
  if (report.differences.length === 0) lines.push("  (none)");
  for (const difference of report.differences) {
    const what =
      difference.kind === "renamed"
        ? `renamed "${difference.name}" -> "${difference.newName}"`
        : `${difference.kind} "${difference.name}"`;
    const undeclared = difference.declared ? "" : " (undeclared)";
    const held =
      difference.kind === "added"
        ? ""
        : `: ${statuses(difference.statuses)}, ${seats(difference.seats)} stored`;
    lines.push(`  ${difference.path} ${what}${undeclared}${held}`);
  }
  if (report.orphans.length > 0) {
    lines.push("", "Left without a mapping (declare them in changes:):");
    for (const orphan of report.orphans) {
      lines.push(
        `  ${orphan.path}: ${statuses(orphan.statuses)}, ${seats(orphan.seats)}${orphan.movedTo ? ` (moved to ${orphan.movedTo}, undefined)` : ""}`,
      );
    }
  }
  lines.push(
    "",
    `Remaps ${statuses(report.remappedStatuses)} and ${count(report.remappedWorkItems)} work items.`,
  );
  for (const row of report.sample) {
    lines.push(
      `  ${row.customer} / ${row.tenant} / ${row.serviceId}: ${row.from} -> ${row.to} (${seats(row.seats)})`,
    );
  }
  return [...lines, ""];
}

function applyText(result: PlaybookApplyResult): string[] {
  if (result.alreadyInUse)
    return [`${result.to.id} ${result.to.version} is already the playbook in use: nothing to do.`, ""];
  const head = result.applied
    ? `Applied ${result.to.id} ${result.to.version}: remapped ${statuses(result.version?.remappedStatuses ?? 0)}` +
      (result.conflictsRetried > 0
        ? ` (${count(result.conflictsRetried)} changed meanwhile, read again)`
        : "") +
      ". Restart servers on the new file (UNBLOCK_PLAYBOOK)."
    : "Dry run: nothing was changed.";
  return [head, "", ...reportText(result)];
}

function versionLine(version: PlaybookVersionView): string {
  const moved = version.remappedStatuses > 0 ? `, remapped ${statuses(version.remappedStatuses)}` : "";
  return `${version.effectiveAt.toISOString().slice(0, 16).replace("T", " ")}  ${version.playbookId} ${version.version}  ${version.source} by ${version.appliedBy.email}  ${version.changes.length} change(s)${moved}  ${version.path}`;
}
