import { readFileSync } from "node:fs";
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
} from "yaml";
import {
  checkPlaybook,
  type PlaybookPath,
  type PlaybookProblem,
  playbookProblem,
} from "../../domain/playbook/check-playbook.ts";
import type { Playbook } from "../../domain/playbook/playbook-schema.ts";

/** A playbook problem placed in the file, so an editor of the YAML can jump to it. */
export interface LocatedPlaybookProblem extends PlaybookProblem {
  /** 1-based line of the node at `path`, or of its nearest existing ancestor. */
  line: number;
  /** 1-based column, same node. */
  column: number;
}

export interface PlaybookFileCheck {
  playbook: Playbook | null;
  problems: LocatedPlaybookProblem[];
  /** The raw file bytes (empty when unreadable), so callers can hash exactly what was judged. */
  bytes: Buffer;
}

/**
 * Reads and checks a playbook file (YAML, or JSON, which YAML also reads).
 * Never throws for a bad file: an unreadable file or a syntax error comes back
 * as a problem like any other, so `playbook validate` can list them all.
 */
export function readPlaybookFile(path: string): PlaybookFileCheck {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      playbook: null,
      problems: [
        { ...playbookProblem([], "file_unreadable", "file_unreadable", { reason }), line: 1, column: 1 },
      ],
      bytes: Buffer.alloc(0),
    };
  }
  return checkPlaybookBytes(bytes);
}

/** Checks a playbook given as its bytes (an uploaded file): the same answer as readPlaybookFile. */
export function checkPlaybookBytes(bytes: Buffer): PlaybookFileCheck {
  const lineCounter = new LineCounter();
  const document = parseDocument(bytes.toString("utf8"), { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      // The parser's message repeats the position and a source excerpt; keep its first line.
      const message = error.message.split("\n")[0] ?? error.message;
      return { ...playbookProblem([], "yaml_syntax", "yaml_syntax", { message }), line, column: col };
    });
    return { playbook: null, problems, bytes };
  }

  const { playbook, problems } = checkPlaybook(document.toJS());
  const located = problems.map((problem) => {
    const offset = nodeOffset(document, problem.path);
    const { line, col } = lineCounter.linePos(offset);
    return { ...problem, line, column: col };
  });
  return { playbook, problems: located, bytes };
}

/**
 * Start offset of the node at `path`, walking through aliases to the anchored
 * node (that is where a fix would go); when the path runs out of document,
 * the deepest node that exists.
 */
function nodeOffset(document: Document, path: PlaybookPath): number {
  let node: Node | null | undefined = document.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const part of path) {
    if (isAlias(node)) node = node.resolve(document);
    let next: Node | null | undefined;
    if (isMap(node)) {
      const pair: Pair<unknown, unknown> | undefined = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(part),
      );
      if (!pair) break;
      // An empty value (`definition:`) has no useful position; point at its key.
      const value = pair.value as Node | null;
      next = value && !(isScalar(value) && value.value === null) ? value : (pair.key as Node);
    } else if (isSeq(node) && typeof part === "number") {
      next = node.items[part] as Node | undefined;
    }
    if (!next) break;
    node = next;
    offset = node.range?.[0] ?? offset;
  }
  return offset;
}
