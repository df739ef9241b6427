// The note commands (suggest, lint-note) start from a cached esbuild bundle of
// the CLI rather than through tsx: no loader thread to start and no transform
// round trip per module, which is most of a batch run's start-up. The bundle is
// rebuilt when any source it holds changed; when it cannot be built (no
// esbuild, read-only node_modules) bin/unblock.js falls back to tsx.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const entry = join(root, "src/cli/main.ts");
/** UNBLOCK_CLI_CACHE moves the cache (tests use their own); inside the project, so packages resolve. */
const cacheDir = process.env.UNBLOCK_CLI_CACHE || join(root, "node_modules/.cache/unblock-cli");
const manifestPath = join(cacheDir, "manifest.json");
/** Old builds are removed once no run can still be loading their lazy chunks. */
const keepOldBuildsMs = 10 * 60_000;

/** Runs the CLI from the bundle; false when there is no usable bundle (the caller uses tsx). */
export async function runBundledCli() {
  const manifest = currentManifest() ?? (await build());
  if (!manifest) return false;
  await import(pathToFileURL(join(cacheDir, manifest.build, "main.js")).href);
  return true;
}

/** The manifest of the last build, if every source it was built from is unchanged. */
function currentManifest() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  } catch {
    return null;
  }
  for (const [path, stamp] of Object.entries(manifest.inputs)) {
    const info = statSync(join(root, path), { throwIfNoEntry: false });
    if (!info || `${info.mtimeMs}:${info.size}` !== stamp) return null;
  }
  return manifest;
}

async function build() {
  let esbuild;
  try {
    // esbuild comes with tsx, a dependency; resolve it from there.
    const fromTsx = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"));
    esbuild = fromTsx("esbuild");
  } catch {
    return null;
  }
  const name = `build-${Date.now()}-${process.pid}`;
  const outdir = join(cacheDir, name);
  try {
    const result = await esbuild.build({
      entryPoints: { main: entry },
      absWorkingDir: root,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      outdir,
      metafile: true,
      logLevel: "silent",
      plugins: [sourceLocations],
    });
    const inputs = {};
    for (const path of Object.keys(result.metafile.inputs)) {
      const info = statSync(join(root, path));
      inputs[path] = `${info.mtimeMs}:${info.size}`;
    }
    const manifest = { build: name, inputs };
    // Written whole and renamed, so a concurrent run reads the old manifest or the new one.
    writeFileSync(`${manifestPath}.${process.pid}`, JSON.stringify(manifest));
    renameSync(`${manifestPath}.${process.pid}`, manifestPath);
    removeOldBuilds(name);
    return manifest;
  } catch {
    try {
      rmSync(outdir, { recursive: true, force: true });
    } catch {
      // Nothing was written.
    }
    return null;
  }
}

/**
 * Sources keep their own location: `import.meta.url` in a bundled file still
 * names that file (the default playbook is found relative to its loader).
 */
const sourceLocations = {
  name: "source-locations",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const url = pathToFileURL(args.path).href;
      const contents = readFileSync(args.path, "utf8")
        .replaceAll("import.meta.url", JSON.stringify(url))
        .replaceAll("import.meta.filename", JSON.stringify(args.path))
        .replaceAll("import.meta.dirname", JSON.stringify(fileURLToPath(new URL(".", url)).slice(0, -1)));
      return { contents, loader: "ts" };
    });
  },
};

function removeOldBuilds(current) {
  mkdirSync(cacheDir, { recursive: true });
  for (const entryName of readdirSync(cacheDir)) {
    if (!entryName.startsWith("build-") || entryName === current) continue;
    const path = join(cacheDir, entryName);
    const info = statSync(path, { throwIfNoEntry: false });
    if (info && Date.now() - info.mtimeMs > keepOldBuildsMs) rmSync(path, { recursive: true, force: true });
  }
}
