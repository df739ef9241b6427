import { z } from "zod";
import type { AppDeps } from "../../app/app-deps.ts";
import { listScopeOf, requireCustomerAction, requireTenantAction } from "../../app/auth/authorize-actor.ts";
import { getCustomer } from "../../app/portfolio/get-customer.ts";
import { getTenant } from "../../app/portfolio/get-tenant.ts";
import { listCustomers } from "../../app/portfolio/list-customers.ts";
import { listTenants } from "../../app/portfolio/list-tenants.ts";
import { entitlementViewSchema, idParamsSchema, problemResponses } from "../schemas/status-schemas.ts";
import type { Api } from "./api.ts";

const customerSchema = z.object({
  id: z.string(),
  externalId: z.string(),
  name: z.string(),
  tenantCount: z.number(),
});
const tenantSchema = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string(),
  priority: z.string(),
  customer: z.object({ id: z.string(), name: z.string(), externalId: z.string() }),
  entitlementCount: z.number(),
  availableSeats: z.number(),
  blockedSeats: z.number(),
});
const pageQuery = {
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(500).optional(),
};

export function portfolioRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/customers",
    {
      schema: {
        tags: ["portfolio"],
        summary: "Customers, by name",
        querystring: z.object(pageQuery).strict(),
        response: {
          200: z.object({ items: z.array(customerSchema), nextCursor: z.string().nullable() }),
          ...problemResponses,
        },
      },
    },
    async (request) =>
      listCustomers(deps, { ...request.query, visibleTo: listScopeOf(deps, await request.actor()) }),
  );

  api.get(
    "/customers/:id",
    {
      schema: {
        tags: ["portfolio"],
        summary: "One customer with its tenants",
        params: idParamsSchema,
        response: {
          200: z.object({ customer: customerSchema, tenants: z.array(tenantSchema) }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const actor = await request.actor();
      await requireCustomerAction(deps, deps.database.db, actor, { type: "tenant.read" }, request.params.id);
      return getCustomer(deps, request.params.id, listScopeOf(deps, actor));
    },
  );

  api.get(
    "/tenants",
    {
      schema: {
        tags: ["portfolio"],
        summary: "Tenants with seat and blocked totals",
        querystring: z.object({ ...pageQuery, customerId: z.uuid().optional() }).strict(),
        response: {
          200: z.object({ items: z.array(tenantSchema), nextCursor: z.string().nullable() }),
          ...problemResponses,
        },
      },
    },
    async (request) =>
      listTenants(deps, { ...request.query, visibleTo: listScopeOf(deps, await request.actor()) }),
  );

  api.get(
    "/tenants/:id",
    {
      schema: {
        tags: ["portfolio"],
        summary: "One tenant with every service's entitlement and status segments",
        params: idParamsSchema,
        response: {
          200: z.object({ tenant: tenantSchema, entitlements: z.array(entitlementViewSchema) }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const target = { tenantId: request.params.id };
      await requireTenantAction(
        deps,
        deps.database.db,
        await request.actor(),
        { type: "tenant.read" },
        target,
      );
      return getTenant(deps, request.params.id);
    },
  );
}
