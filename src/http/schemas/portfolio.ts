import { z } from "zod";
import { type EntitlementView, entitlementViewSchema } from "./entitlements.ts";

/** Customers and tenants with their totals: the portfolio's browsing routes. */

export const customerSchema = z.object({
  id: z.string(),
  externalId: z.string(),
  name: z.string(),
  tenantCount: z.number(),
});

export const tenantSchema = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string(),
  priority: z.string(),
  customer: z.object({ id: z.string(), name: z.string(), externalId: z.string() }),
  entitlementCount: z.number(),
  availableSeats: z.number(),
  blockedSeats: z.number(),
  /** The tenant's key in the portfolio feed (tenant_id); null for a tenant the feed never named. */
  externalId: z.string().nullable(),
  /** When a full feed stopped naming it (ISO time); null while open. */
  endedAt: z.string().nullable(),
});

const pageQuery = {
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(500).optional(),
};

export const customersQuerySchema = z.object(pageQuery).strict();
export const tenantsQuerySchema = z
  .object({
    ...pageQuery,
    customerId: z.uuid().optional(),
    ended: z
      .enum(["exclude", "include", "only"])
      .optional()
      .describe("Tenants a full feed ended: left out (default), included, or only them"),
  })
  .strict();

export const customerPageSchema = z.object({
  items: z.array(customerSchema),
  nextCursor: z.string().nullable(),
});
export const tenantPageSchema = z.object({ items: z.array(tenantSchema), nextCursor: z.string().nullable() });

export const customerDetailSchema = z.object({ customer: customerSchema, tenants: z.array(tenantSchema) });
export const tenantDetailSchema = z.object({
  tenant: tenantSchema,
  entitlements: z.array(entitlementViewSchema),
});

export type CustomerView = z.infer<typeof customerSchema>;
export type TenantView = z.infer<typeof tenantSchema>;
export type CustomerPage = z.infer<typeof customerPageSchema>;
export type TenantPage = z.infer<typeof tenantPageSchema>;
export type CustomerDetail = z.infer<typeof customerDetailSchema>;
/** One tenant with every service's entitlement. */
export type TenantDetail = Omit<z.infer<typeof tenantDetailSchema>, "entitlements"> & {
  entitlements: EntitlementView[];
};
