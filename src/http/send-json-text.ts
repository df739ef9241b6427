import type { FastifyReply } from "fastify";

/**
 * Sends JSON that is already text (built by the database) as it is: Fastify
 * sends a string with a JSON content type without serialising it again, and
 * so without the route's response schema check, so whoever builds the text is
 * held to that schema by tests instead. The cast is only for the route's
 * typed reply, which expects the parsed shape.
 */
export function sendJsonText(reply: FastifyReply, text: string): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(text as never);
}
