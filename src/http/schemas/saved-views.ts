import { z } from "zod";

/** A user's own saved portfolio views. */

export const savedViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  query: z
    .string()
    .describe("The portfolio's query string (filters and sort), as in /?l1=blocked&serviceId=exchange"),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const savedViewListSchema = z.object({ items: z.array(savedViewSchema) });

export const saveViewBodySchema = z
  .object({
    name: z.string().max(1000, "at most 1,000 characters"),
    query: z.string().max(10_000, "at most 10,000 characters"),
  })
  .strict();

/** A saved view as the server holds it (its times are Date there, ISO strings once sent). */
export type SavedView = z.infer<typeof savedViewSchema>;
export type SaveViewBody = z.infer<typeof saveViewBodySchema>;
