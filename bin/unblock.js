#!/usr/bin/env node
// The CLI runs the TypeScript sources directly through tsx's loader, so a fresh
// clone needs no compile step before `npm start` or `unblock ...`. The note
// commands, run in batches by scripts, and the server start from a cached
// bundle instead (bin/bundled-cli.js), and fall back to tsx when it cannot be
// built: for the server that is about 80 MB less resident memory (no loader
// thread, no TypeScript compiled at start), room a long export needs.
const bundled = new Set(["suggest", "lint-note", "serve"]);

if (!(bundled.has(process.argv[2]) && (await (await import("./bundled-cli.js")).runBundledCli()))) {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
