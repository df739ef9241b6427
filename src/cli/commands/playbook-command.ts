import { Command } from "commander";
import { loadPlaybook } from "../../app/playbook/load-playbook.ts";
import { readPlaybookFile } from "../../app/playbook/read-playbook-file.ts";
import { translationWarnings } from "../../app/playbook/translation-warnings.ts";
import { isAppError } from "../../domain/app-error.ts";
import { formatPlaybookPath } from "../../domain/playbook/check-playbook.ts";
import { indexPlaybook } from "../../domain/playbook/playbook-index.ts";
import type { L2, Playbook, Service } from "../../domain/playbook/playbook-schema.ts";
import type { CommandIo } from "./command-io.ts";
import { addPlaybookVersionCommands } from "./playbook-version-commands.ts";

/** Where the command writes and how it fails; injectable so tests read the output instead of the terminal. */
export interface PlaybookCommandOutput {
  out(text: string): void;
  err(text: string): void;
  /** Sets the process exit code; the action never calls process.exit, so output gets flushed. */
  fail(code: number): void;
}

const processOutput: PlaybookCommandOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  fail: (code) => {
    process.exitCode = code;
  },
};

/**
 * `unblock playbook show|validate`: read the taxonomy, and check a playbook file before deploying it;
 * `diff|apply|versions`: move the database to a new playbook version (playbook-version-commands.ts).
 */
export function playbookCommand(output: PlaybookCommandOutput = processOutput, io?: CommandIo): Command {
  const command = new Command("playbook").description("Show or validate the entitlement status playbook");
  const line = (text = "") => output.out(`${text}\n`);

  command
    .command("show")
    .description("Print the playbook taxonomy: L1s, their L2s and L3s")
    .option("--json", "print a JSON document instead of the text tree")
    .option("--playbook <file>", "playbook file (default: UNBLOCK_PLAYBOOK, else playbooks/default.yaml)")
    .action((options: { json?: boolean; playbook?: string }) => {
      let playbook: Playbook;
      try {
        playbook = loadPlaybook(options.playbook).playbook;
      } catch (error) {
        if (!isAppError(error) || error.code !== "playbook_invalid") throw error;
        output.err(`${error.message}\n`);
        for (const violation of error.violations) output.err(`  ${violation.field} ${violation.message}\n`);
        output.fail(1);
        return;
      }
      if (options.json) line(JSON.stringify(playbookSummary(playbook), null, 2));
      else for (const text of playbookTree(playbook)) line(text);
    });

  command
    .command("validate")
    .description("Check a playbook file; prints each problem as file:line:column path message")
    .argument("<file>", "playbook file (YAML or JSON)")
    .action((file: string) => {
      const { playbook, problems } = readPlaybookFile(file);
      if (!playbook || problems.length > 0) {
        for (const problem of problems) {
          line(
            `${file}:${problem.line}:${problem.column} ${formatPlaybookPath(problem.path)} ${problem.message}`,
          );
        }
        output.err(`${problems.length} problem(s) in ${file}\n`);
        output.fail(1);
        return;
      }
      const l2s = playbook.l1s.flatMap((l1) => l1.l2s);
      const l3Count = l2s.reduce((sum, l2) => sum + l2.l3s.length, 0);
      line(
        `OK ${file}: playbook ${playbook.id} ${playbook.version}, ${playbook.l1s.length} L1s, ${l2s.length} L2s, ` +
          `${l3Count} L3s, ${playbook.scenarios.length} scenario rows`,
      );
      for (const warning of translationWarnings({ index: indexPlaybook(playbook), path: file })) {
        output.err(`warning: translation ${warning}\n`);
      }
    });

  addPlaybookVersionCommands(command, io);
  return command;
}

/** The JSON `show --json` prints: the taxonomy without the guidance text, plus rows and services. */
function playbookSummary(playbook: Playbook) {
  return {
    id: playbook.id,
    title: playbook.title,
    version: playbook.version,
    refreshSummary: playbook.refreshSummary,
    l1s: playbook.l1s.map((l1) => ({
      id: l1.id,
      name: l1.name,
      definition: l1.definition,
      l2s: l1.l2s.map((l2) => ({
        id: l2.id,
        name: l2.name,
        source: l2.source,
        definition: l2.definition,
        l3s: l2.l3s.map((l3) => ({ id: l3.id, name: l3.name, services: l3.services })),
      })),
    })),
    scenarios: playbook.scenarios,
    services: playbook.serviceFamilies.flatMap((family) =>
      family.services.map((service) => ({ ...service, family: family.id })),
    ),
  };
}

/** Text lines of `show`: version and refresh history first, then L1 > L2 > L3 (grouped by service). */
function playbookTree(playbook: Playbook): string[] {
  const services = playbook.serviceFamilies.flatMap((family) => family.services);
  const lines = [`${playbook.title} (${playbook.id} ${playbook.version})`, "Refresh summary:"];
  for (const entry of playbook.refreshSummary) {
    lines.push(`  ${entry.date}  ${entry.who}: ${entry.what}${entry.notes ? ` - ${entry.notes}` : ""}`);
  }
  for (const l1 of playbook.l1s) {
    lines.push("", `${l1.name} [${l1.id}]`, `  ${l1.definition}`);
    if (l1.l2s.length === 0) lines.push("  (no L2)");
    for (const l2 of l1.l2s) {
      lines.push(`  - ${l2.name} [${l2.id}]${l2.source === "seed" ? " (seed)" : ""}`);
      lines.push(...l3Lines(l2, services));
    }
  }
  return lines;
}

function l3Lines(l2: L2, services: Service[]): string[] {
  if (l2.l3 === "none") return [];
  const lines: string[] = [];
  const group = (heading: string, names: string[]) => {
    if (names.length === 0) return;
    lines.push(`      ${heading}:`, ...names.map((name) => `        - ${name}`));
  };
  group(
    "All services",
    l2.l3s.filter((l3) => l3.services.length === 0).map((l3) => l3.name),
  );
  for (const service of services) {
    group(
      service.name,
      l2.l3s.filter((l3) => l3.services.includes(service.id)).map((l3) => l3.name),
    );
  }
  return lines;
}
