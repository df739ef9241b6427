import { Command } from "commander";

/** What a command wrote and the exit code it asked for. */
export interface CliResult {
  out: string;
  err: string;
  exitCode: number;
}

/** Output sinks (the out/err/fail part of a command's io) that collect into one CliResult. */
export function capturedOutput(): {
  result: CliResult;
  sinks: { out(text: string): void; err(text: string): void; fail(code: number): void };
} {
  const result: CliResult = { out: "", err: "", exitCode: 0 };
  return {
    result,
    sinks: {
      out: (text) => {
        result.out += text;
      },
      err: (text) => {
        result.err += text;
      },
      fail: (code) => {
        result.exitCode = code;
      },
    },
  };
}

/** Parses `unblock <command name> ...args` with a fresh program holding only `command`. */
export async function runCommand(command: Command, args: readonly string[]): Promise<void> {
  const program = new Command("unblock").exitOverride().addCommand(command);
  await program.parseAsync(["node", "unblock", command.name(), ...args]);
}
