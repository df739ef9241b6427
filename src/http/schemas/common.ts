import { z } from "zod";

/**
 * Shapes every area shares: dates, ids, the problem details of errors and the
 * error responses routes declare. Schema files import only zod and the domain,
 * so the database, the use-cases, the routes and the web app can all read them.
 */

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .describe("Calendar date, YYYY-MM-DD");

export const idParamsSchema = z.object({ id: z.uuid("must be a UUID") });

/** The answer of a route that answers with no body (204). */
export const noContentSchema = z.null();

export const violationSchema = z.object({ field: z.string(), code: z.string(), message: z.string() });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(violationSchema).optional(),
  })
  .loose()
  .describe("RFC 9457 problem details");

/** The error responses every route may give, for the OpenAPI document. */
export const problemResponses = {
  400: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

/** Error responses of routes behind sign-in: the usual ones plus 401 and 403. */
export const authedProblemResponses = { ...problemResponses, 401: problemSchema, 403: problemSchema };

export type Problem = z.infer<typeof problemSchema>;
export type ViolationBody = z.infer<typeof violationSchema>;
