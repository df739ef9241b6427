import { type ChildProcess, spawn } from "node:child_process";

const bin = new URL("../../bin/unblock.js", import.meta.url).pathname;

/** `unblock serve` in a child process, on a port the system chose for it. */
export interface ServeProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  base: string;
  /** What the server wrote to stderr so far (start-up lines, errors). */
  stderr(): string;
  /** Resolves with the exit code and signal once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends SIGTERM (or `signal`) unless it already ended, and waits for the end. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `unblock serve` with PORT=0, so that test files running side by side
 * (and two `npm test` on one machine) never race for a port, and waits on
 * readiness, never on the clock: first the line naming the bound address,
 * then GET /api/health/ready answering 200. A loaded machine may take minutes
 * to bundle, migrate and seed; a server that exits instead fails the wait at
 * once, with what it wrote.
 */
export async function startServe(
  env: NodeJS.ProcessEnv,
  args: readonly string[] = [],
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, "serve", ...args], {
    env: { LOG_LEVEL: "warn", ...env, PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const running = new Promise<string>((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
      const match = /Unblock is running at (http:\/\/[^\s]+)/.exec(stderr);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`unblock serve exited (${code ?? signal}) before it was running:\n${stderr}`)),
    );
  });
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  try {
    const base = await running;
    for (;;) {
      const ready = await fetch(`${base}/api/health/ready`).catch(() => null);
      if (ready?.status === 200) break;
      if (child.exitCode !== null) throw new Error(`unblock serve exited while starting:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { child, base, stderr: () => stderr, exited, stop };
  } catch (error) {
    await stop("SIGKILL");
    throw error;
  }
}
