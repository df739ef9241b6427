/**
 * Fails when an import points the wrong way between the layers of
 * docs/ARCHITECTURE.md, naming each file, line and import:
 *
 *   npm run check:layers
 *
 * Dependencies point inwards: http and cli call app, app calls domain and db,
 * domain calls nothing; the web app calls the API and runs the domain. The
 * response shapes in src/http/schemas are the one exception any layer may
 * name, as types only (`import type`), so no zod or route code comes along.
 * Tests are held to the rules of their folder: a route test reaches the
 * database through test/support, a repository test builds rows with
 * test/factories.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

interface Rule {
  /** Folder the importing file is in. */
  from: string;
  /** Folders within `from` the rule does not hold for. */
  except?: string[];
  /** Folders it must not import from. */
  never: string[];
  why: string;
}

const rules: Rule[] = [
  {
    from: "src/domain/",
    never: ["src/app/", "src/db/", "src/http/", "src/cli/", "src/suggest-training/", "web/"],
    why: "src/domain is pure: it imports no outer layer",
  },
  {
    from: "src/app/",
    never: ["src/http/", "src/cli/", "web/"],
    why: "use-cases are called by http and cli, never the other way",
  },
  {
    from: "src/db/",
    never: ["src/app/", "src/http/", "src/cli/", "web/"],
    why: "the database layer is called by app and knows nothing of it",
  },
  {
    from: "src/http/",
    never: ["src/db/", "src/cli/", "web/"],
    why: "routes call use-cases, not the database (route tests get theirs from test/support)",
  },
  {
    from: "web/",
    never: ["src/app/", "src/db/", "src/http/", "src/cli/", "src/suggest-training/"],
    why: "the web app calls the API; it imports src/domain, and src/http/schemas with `import type` only",
  },
  {
    from: "src/",
    except: ["src/suggest-training/"],
    never: ["src/suggest-training/"],
    why: "training the suggester is a tool for scripts/, not part of the product",
  },
];

/** Named by any layer as types only: the API's shapes (src/http/schemas). */
const sharedTypes = "src/http/schemas/";

interface ImportFound {
  /** The imported file, relative to the repository root. */
  target: string;
  specifier: string;
  line: number;
  typeOnly: boolean;
}

interface Violation extends ImportFound {
  file: string;
  why: string;
}

/** The rules `file` breaks with one of its imports. */
function violationsOf(file: string, found: ImportFound): Violation[] {
  if (found.typeOnly && found.target.startsWith(sharedTypes)) return [];
  return rules
    .filter((rule) => file.startsWith(rule.from) && !rule.except?.some((folder) => file.startsWith(folder)))
    .filter((rule) => rule.never.some((folder) => found.target.startsWith(folder)))
    .map((rule) => ({ ...found, file, why: rule.why }));
}

/** Relative imports, re-exports and dynamic imports of one source file. */
function importsOf(file: string, text: string): ImportFound[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: ImportFound[] = [];
  const add = (specifier: ts.Expression, typeOnly: boolean) => {
    if (!ts.isStringLiteralLike(specifier) || !specifier.text.startsWith(".")) return;
    found.push({
      target: join(dirname(file), specifier.text),
      specifier: specifier.text,
      line: source.getLineAndCharacterOfPosition(specifier.getStart()).line + 1,
      typeOnly,
    });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node.importClause?.isTypeOnly ?? false);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) add(node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [specifier] = node.arguments;
      if (specifier) add(specifier, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(root: string, folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((file) => !file.split("/").includes("node_modules"));
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const files = [...sourceFiles(root, "src"), ...sourceFiles(root, "web")].sort();
  const violations = files.flatMap((file) =>
    importsOf(file, readFileSync(join(root, file), "utf8")).flatMap((found) => violationsOf(file, found)),
  );
  for (const v of violations) console.error(`${v.file}:${v.line} imports "${v.specifier}": ${v.why}`);
  if (violations.length > 0) {
    console.error(`${violations.length} imports against the layering (docs/ARCHITECTURE.md).`);
    process.exitCode = 1;
    return;
  }
  console.log(`Layering holds: ${files.length} files of src/ and web/ checked.`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
