import type { FastifyReply, FastifyRequest } from "fastify";
import { problem, sendProblem } from "../problem.ts";

/**
 * PostgreSQL text cannot hold the NUL character: a NUL in a filter or a note
 * would reach the database and fail there as a 500. Refuse it up front with a
 * 400 that says so, for the query string and for JSON bodies alike.
 */
export async function refuseNulCharacters(request: FastifyRequest, reply: FastifyReply) {
  const inUrl = /%00/i.test(request.url);
  const inBody = request.body !== undefined && JSON.stringify(request.body).includes("\\u0000");
  if (!inUrl && !inBody) return;
  return sendProblem(
    reply,
    problem(
      400,
      "nul_character",
      `The ${inUrl ? "query string" : "request body"} contains a NUL character, which no text field may hold.`,
      {
        instance: request.url,
      },
    ),
  );
}
