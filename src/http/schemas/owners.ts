import { z } from "zod";

/** Owners of status segments (docs/OWNERS.md): a person or a team, the view of one, the picker's choices. */

export const ownerRefSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("person"), userId: z.uuid("must be a user id") }).strict(),
    z.object({ kind: z.literal("team"), role: z.string().min(1).max(100) }).strict(),
  ])
  .describe("A person (a user assigned to the tenant or its customer) or a team (a playbook role)");

const ownerPersonSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const resolvedOwnerSchema = z.object({
  kind: z.enum(["person", "team", "text"]).describe("text: written as text and matching no person or team"),
  name: z.string().describe("The person's name, the team's role name, or the text"),
  display: z.string().describe('What a list shows, e.g. "Account Team: Ana Lopez, Bo Chen"'),
  userId: z.string().nullable(),
  email: z.string().nullable(),
  role: z.string().nullable().describe("A team's playbook role id"),
  people: z.array(ownerPersonSchema).describe("The person, or the team's people on this tenant or customer"),
});

const choicePersonSchema = ownerPersonSchema.extend({
  role: z.string(),
  roleName: z.string().describe("The role's name in your language"),
});

/** What the owner picker offers for one entitlement. */
export const ownerChoicesSchema = z.object({
  teams: z.array(
    z.object({
      role: z.string(),
      name: z
        .string()
        .describe("The role's name as the playbook writes it (English): an owner text naming it"),
      people: z.array(ownerPersonSchema),
    }),
  ),
  /** People assigned to the tenant or its customer: the ones a person owner may be. */
  assigned: z.array(choicePersonSchema),
  /** Everyone else, shown after them; choosing one is refused until they are assigned. */
  others: z.array(choicePersonSchema),
});

export type OwnerRefBody = z.infer<typeof ownerRefSchema>;
export type ResolvedOwnerView = z.infer<typeof resolvedOwnerSchema>;
export type OwnerChoices = z.infer<typeof ownerChoicesSchema>;
