import { Command } from "commander";
import { lintNote } from "../../domain/notes/lint-note.ts";
import { type NoteCommandIo, openSuggester, processNoteIo } from "./suggest-command.ts";

/**
 * `unblock lint-note "note"`: grades a status note great, marginal or poor under the
 * playbook's notes guidance and lists what to add. The checks depend on the L1
 * (attempt counts for an unresponsive customer, a reason for Blocked, ...): give it
 * with --l1, or let the suggester read it from the note.
 */
export function lintNoteCommand(io: NoteCommandIo = processNoteIo): Command {
  return new Command("lint-note")
    .description("Grade a status note (great, marginal, poor) and say what it lacks")
    .argument("<note>", "the status note (quote it)")
    .option("--l1 <l1>", "the status's L1 (id or name); default: read from the note by the suggester")
    .option("--l2 <l2>", "the status's L2 (id or name)")
    .option("--json", "print JSON instead of text")
    .option("--playbook <file>", "playbook file (default: UNBLOCK_PLAYBOOK, else playbooks/default.yaml)")
    .action(
      async (note: string, options: { l1?: string; l2?: string; json?: boolean; playbook?: string }) => {
        const context = await openSuggester(io, options.playbook, true);
        if (!context?.index) return;
        const { index } = context;

        let l1: string | null = null;
        let l2: string | null = null;
        let inferred = false;
        if (options.l1 !== undefined) {
          l1 = index.findL1(options.l1)?.id ?? null;
          if (l1 === null) {
            io.err(
              `error: unknown L1 "${options.l1}"; one of: ${index.playbook.l1s.map((item) => item.id).join(", ")}\n`,
            );
            io.fail(1);
            return;
          }
          if (options.l2 !== undefined) {
            l2 = index.findL2(l1, options.l2)?.id ?? null;
            if (l2 === null) {
              io.err(`error: unknown L2 "${options.l2}" for L1 ${l1}\n`);
              io.fail(1);
              return;
            }
          }
        } else {
          const suggestion = context.suggester.suggest(note);
          l1 = suggestion.l1;
          l2 = suggestion.l2;
          inferred = true;
        }

        const result = lintNote(note, { l1, l2 });
        if (options.json) {
          io.out(`${JSON.stringify({ l1, l2, inferred, ...result }, null, 2)}\n`);
          return;
        }
        const lines = [`Grade: ${result.grade}`];
        const as = l1 === null ? "no L1 (generic checks only)" : [l1, l2].filter(Boolean).join(" / ");
        lines.push(`Checked as ${as}${inferred ? ", read from the note" : ""}`);
        for (const hint of result.hints) lines.push(`  - ${hint.message} [${hint.code}]`);
        io.out(`${lines.join("\n")}\n`);
      },
    );
}
