import type { AppDeps } from "../../app/app-deps.ts";
import { getCustomer } from "../../app/portfolio/get-customer.ts";
import { getTenant } from "../../app/portfolio/get-tenant.ts";
import { listCustomers } from "../../app/portfolio/list-customers.ts";
import { listTenants } from "../../app/portfolio/list-tenants.ts";
import { idParamsSchema, problemResponses } from "../schemas/common.ts";
import {
  customerDetailSchema,
  customerPageSchema,
  customersQuerySchema,
  tenantDetailSchema,
  tenantPageSchema,
  tenantsQuerySchema,
} from "../schemas/portfolio.ts";
import type { Api } from "./api.ts";

export function portfolioRoutes(api: Api, deps: AppDeps): void {
  api.get(
    "/customers",
    {
      schema: {
        tags: ["portfolio"],
        summary: "Customers, by name",
        querystring: customersQuerySchema,
        response: { 200: customerPageSchema, ...problemResponses },
      },
    },
    async (request) => listCustomers(deps, await request.actor(), request.query),
  );

  api.get(
    "/customers/:id",
    {
      schema: {
        tags: ["portfolio"],
        summary: "One customer with its tenants",
        params: idParamsSchema,
        response: { 200: customerDetailSchema, ...problemResponses },
      },
    },
    async (request) => getCustomer(deps, await request.actor(), request.params.id),
  );

  api.get(
    "/tenants",
    {
      schema: {
        tags: ["portfolio"],
        summary: "Tenants with seat and blocked totals",
        querystring: tenantsQuerySchema,
        response: { 200: tenantPageSchema, ...problemResponses },
      },
    },
    async (request) => listTenants(deps, await request.actor(), request.query),
  );

  api.get(
    "/tenants/:id",
    {
      schema: {
        tags: ["portfolio"],
        summary: "One tenant with every service's entitlement and status segments",
        params: idParamsSchema,
        response: { 200: tenantDetailSchema, ...problemResponses },
      },
    },
    async (request) => getTenant(deps, await request.actor(), request.params.id),
  );
}
