import type { AppDeps } from "../../app/app-deps.ts";
import type { Api } from "./api.ts";
import { bulkRoutes } from "./bulk-routes.ts";
import { entitlementRoutes } from "./entitlement-routes.ts";
import { playbookRoutes } from "./playbook-routes.ts";
import { systemRoutes } from "./system-routes.ts";

export function registerRoutes(api: Api, deps: AppDeps): void {
  systemRoutes(api, deps);
  playbookRoutes(api, deps);
  entitlementRoutes(api, deps);
  bulkRoutes(api, deps);
}
