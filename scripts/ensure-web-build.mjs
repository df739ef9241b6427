// Builds the web app before `npm start` when dist/web is missing or older than
// its sources, so a fresh clone needs only `npm install && npm start`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const output = join(root, "dist/web/index.html");

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

if (!existsSync(join(root, "web/index.html"))) process.exit(0);
const sources = Math.max(
  newest(join(root, "web")),
  newest(join(root, "src/domain")),
  newest(join(root, "vite.config.ts")),
);
if (existsSync(output) && statSync(output).mtimeMs >= sources) process.exit(0);

process.stderr.write("Building the web app (first start only)...\n");
const result = spawnSync("npx", ["vite", "build"], { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
