import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { type AppErrorCode, isAppError } from "../domain/app-error.ts";
import { type ErrorMessageKey, errorMessagesEn } from "../domain/i18n/error-messages-en.ts";
import { answerLanguage, defaultLanguage, type Language } from "../domain/i18n/languages.ts";
import { errorText } from "../domain/i18n/server-texts.ts";
import type { Violation } from "../domain/violation.ts";
import { requestIssueText } from "./request-issue-text.ts";

/** The one place a core error code becomes an HTTP status. */
export const statusByCode: Record<AppErrorCode, number> = {
  validation_failed: 422,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  playbook_invalid: 422,
  import_failed: 422,
};

export const titleByStatus: Record<number, string> = {
  400: "Bad request",
  401: "Sign-in required",
  403: "Not allowed",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Request too large",
  415: "Unsupported media type",
  // Not "change": a list filter or a cursor the core refuses answers 422 as well.
  422: "The request breaks a rule",
  429: "Too many requests",
  500: "Internal error",
  503: "Service unavailable",
};

/** The asker's language: the signed-in person's (their choice or the request's), else Accept-Language's. */
export function languageOfRequest(request: FastifyRequest): Language {
  return request.authentication?.actor.language ?? answerLanguage(null, request.headers["accept-language"]);
}

/** RFC 9457 problem details, with field-level violations under `errors`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: Violation[];
  [extension: string]: unknown;
}

export function problem(
  status: number,
  code: string,
  detail: string,
  extra: Partial<Problem> = {},
  language: Language = defaultLanguage,
): Problem {
  const title = `title_${status}` as ErrorMessageKey;
  return {
    type: `https://unblock.dev/problems/${code.replaceAll("_", "-")}`,
    title: title in errorMessagesEn ? errorText.say(language, title) : errorText.say(language, "title_other"),
    status,
    detail,
    code,
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, value: Problem): FastifyReply {
  return reply.status(value.status).type("application/problem+json").send(value);
}

/** Turns anything thrown in a request into problem+json; a 500 never carries internals. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const instance = request.url;
  const language = languageOfRequest(request);
  if (isAppError(error)) {
    const status = statusByCode[error.code];
    return sendProblem(
      reply,
      problem(
        status,
        error.code,
        error.messageIn(language),
        { instance, errors: error.violationsIn(language), ...error.detailIn(language) },
        language,
      ),
    );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? "body";
    const errors = error.validation.map((issue) => ({
      field: [where, ...issue.instancePath.split("/").filter(Boolean)].join("."),
      code: issue.keyword,
      message: requestIssueText(language, issue),
    }));
    const detail = errors.map((entry) => `${entry.field}: ${entry.message}`).join("; ");
    return sendProblem(reply, problem(400, "request_invalid", detail, { instance, errors }, language));
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    const code = (fastifyError.code ?? "bad_request").toLowerCase();
    const message = fastifyError.message ?? "Bad request";
    // The framework's own refusals (a body too large, JSON that does not parse) are about the body.
    const errors = [{ field: "body", code, message }];
    return sendProblem(reply, problem(status, code, message, { instance, errors }, language));
  }
  request.log.error({ err: error }, "unhandled error");
  return sendProblem(
    reply,
    problem(500, "internal_error", errorText.say(language, "internal_error"), { instance }, language),
  );
}
