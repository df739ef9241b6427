import type { AppDeps } from "../../app/app-deps.ts";
import type { Api } from "./api.ts";
import { bulkRoutes } from "./bulk-routes.ts";
import { entitlementRoutes } from "./entitlement-routes.ts";
import { exportRoutes } from "./export-routes.ts";
import { playbookRoutes } from "./playbook-routes.ts";
import { portfolioRoutes } from "./portfolio-routes.ts";
import { reportRoutes } from "./report-routes.ts";
import { systemRoutes } from "./system-routes.ts";

export function registerRoutes(api: Api, deps: AppDeps): void {
  systemRoutes(api, deps);
  playbookRoutes(api, deps);
  portfolioRoutes(api, deps);
  entitlementRoutes(api, deps);
  reportRoutes(api, deps);
  bulkRoutes(api, deps);
  exportRoutes(api, deps);
}
