import type { FastifyReply, FastifyRequest } from "fastify";
import { problem, sendProblem } from "../problem.ts";

/** No API shape nests deeper than a few levels; a body nested past this is refused, not walked. */
const MAX_BODY_DEPTH = 32;

/** A UTF-16 surrogate without its other half: UTF-8 (and so PostgreSQL text) cannot encode it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface BodyFault {
  code: "nul_character" | "lone_surrogate" | "body_too_deep";
  path: string;
}

/**
 * Walks a parsed JSON body without recursion (a body of 5,000 nested arrays
 * must not exhaust the stack) and finds the first value no text column can
 * store: a NUL character or a lone surrogate, or nesting past MAX_BODY_DEPTH.
 */
function bodyFault(body: unknown): BodyFault | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: "", depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return { code: "nul_character", path };
      if (LONE_SURROGATE.test(value)) return { code: "lone_surrogate", path };
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_BODY_DEPTH) return { code: "body_too_deep", path };
    for (const [key, child] of Object.entries(value)) {
      const childPath = path === "" ? key : `${path}.${key}`;
      if (LONE_SURROGATE.test(key) || key.includes("\u0000"))
        return { code: "lone_surrogate", path: childPath };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

const messages: Record<BodyFault["code"], string> = {
  nul_character: "contains a NUL character, which no text field may hold.",
  lone_surrogate: "contains half of a UTF-16 surrogate pair, which is not text: send valid Unicode.",
  body_too_deep: `nests deeper than ${MAX_BODY_DEPTH} levels, deeper than any request of this API.`,
};

/**
 * PostgreSQL text cannot hold the NUL character nor a lone surrogate: either
 * would reach the database and fail there as a 500 (PGlite and the server do
 * not even fail alike). Refuse them up front with a 400 naming the field, for
 * the query string and for JSON bodies alike.
 */
export async function refuseNulCharacters(request: FastifyRequest, reply: FastifyReply) {
  if (/%00/i.test(request.url)) {
    return sendProblem(
      reply,
      problem(400, "nul_character", `The query string ${messages.nul_character}`, { instance: request.url }),
    );
  }
  const fault = request.body === undefined ? null : bodyFault(request.body);
  if (!fault) return;
  const field = fault.path === "" ? "body" : fault.path;
  return sendProblem(
    reply,
    problem(
      400,
      fault.code,
      `The request body${fault.path === "" ? "" : ` at ${fault.path}`} ${messages[fault.code]}`,
      {
        instance: request.url,
        errors: [{ field, code: fault.code, message: `${field} ${messages[fault.code]}` }],
      },
    ),
  );
}
