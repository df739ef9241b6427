import type { Actor, AppDeps } from "../../app/app-deps.ts";
import { type CliAppOptions, withApp } from "../cli-context.ts";

/**
 * What the seed, import and export commands touch outside themselves: output,
 * the exit code and the opened application. Tests pass their own (a test
 * database, captured output); the binary uses the process and the configured
 * database.
 */
export interface CommandIo {
  out(text: string): void | Promise<void>;
  err(text: string): void;
  /** Sets the exit code; actions never call process.exit, so output gets flushed. */
  fail(code: number): void;
  /** Whether stderr is a terminal: progress bars only go there. */
  interactive: boolean;
  withApp(options: CliAppOptions, fn: (deps: AppDeps, actor: Actor) => Promise<void>): Promise<void>;
}

export const processIo: CommandIo = {
  out: (text) =>
    new Promise<void>((resolve, reject) => {
      process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
    }),
  err: (text) => {
    process.stderr.write(text);
  },
  fail: (code) => {
    process.exitCode = code;
  },
  interactive: process.stderr.isTTY === true,
  withApp,
};

/** 12345 -> "12,345". */
export function count(value: number): string {
  return value.toLocaleString("en-US");
}
