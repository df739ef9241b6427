import { mkdirSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { fileURLToPath } from "node:url";

interface RunOutput {
  startedAt: string;
  machine: { cpus: number; memoryGb: number };
}

/**
 * Writes one run's figures to bench/results/<start>-<machine>.json and returns the path. Each run
 * gets its own file, so a run a doc cites can be committed beside it and compared with later ones;
 * the file name says when and where, since figures from two machines are not comparable.
 */
export function writeResults(output: RunOutput): string {
  const when = output.startedAt.slice(0, 16).replace(":", "");
  const machine = `${hostname()}-${output.machine.cpus}cpu-${output.machine.memoryGb}gb`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-");
  const directory = fileURLToPath(new URL("./results/", import.meta.url));
  mkdirSync(directory, { recursive: true });
  const path = `${directory}${when}-${machine}.json`;
  writeFileSync(path, `${JSON.stringify(output, null, 2)}\n`);
  return path;
}
