/**
 * Fails when a function in the folders people edit most (src/app, web) runs
 * past 80 lines, naming each file, line and length:
 *
 *   npm run check:size
 *
 * A long function there is usually a use-case or a component doing two
 * things; the limit keeps the split into named steps (or a state hook and
 * presentational parts) from eroding. Tests count too: a long describe
 * callback hides which fixture a test depends on.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const limit = 80;
const folders = ["src/app", "web"];
const root = resolve(fileURLToPath(new URL("..", import.meta.url)));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

function nameOf(node: ts.Node): string {
  const named = (node as { name?: ts.Node }).name;
  if (named) return named.getText();
  if (ts.isVariableDeclaration(node.parent)) return node.parent.name.getText();
  if (ts.isCallExpression(node.parent)) return `callback of ${node.parent.expression.getText()}`;
  return "anonymous function";
}

function longFunctions(file: string): string[] {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      const lines = last - first + 1;
      if (lines > limit) found.push(`${relative(root, file)}:${first + 1} ${nameOf(node)}: ${lines} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const problems = folders.flatMap((folder) => sourceFiles(join(root, folder))).flatMap(longFunctions);
if (problems.length > 0) {
  process.stderr.write(
    `Functions over ${limit} lines (split them into named steps):\n${problems.join("\n")}\n`,
  );
  process.exit(1);
}
process.stdout.write(`No function in ${folders.join(", ")} is over ${limit} lines.\n`);
