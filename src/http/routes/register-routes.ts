import type { AppDeps } from "../../app/app-deps.ts";
import { defaultFeedUploadLimits, type FeedUploadLimits } from "../feed-upload.ts";
import type { Api } from "./api.ts";
import { assignmentRoutes } from "./assignment-routes.ts";
import { auditRoutes } from "./audit-routes.ts";
import { type AuthRouteOptions, authRoutes } from "./auth-routes.ts";
import { bulkRoutes } from "./bulk-routes.ts";
import { entitlementRoutes } from "./entitlement-routes.ts";
import { escalationRoutes } from "./escalation-routes.ts";
import { exportRoutes } from "./export-routes.ts";
import { feedRoutes } from "./feed-routes.ts";
import { historyReportRoutes } from "./history-report-routes.ts";
import { myWorkRoutes } from "./my-work-routes.ts";
import { notificationRoutes } from "./notification-routes.ts";
import { oidcRoutes } from "./oidc-routes.ts";
import { playbookRoutes } from "./playbook-routes.ts";
import { playbookVersionRoutes } from "./playbook-version-routes.ts";
import { portfolioRoutes } from "./portfolio-routes.ts";
import { preferenceRoutes } from "./preference-routes.ts";
import { qualityRoutes } from "./quality-routes.ts";
import { reportRoutes } from "./report-routes.ts";
import { savedViewRoutes } from "./saved-view-routes.ts";
import { suggestRoutes } from "./suggest-routes.ts";
import { systemRoutes } from "./system-routes.ts";
import { userRoutes } from "./user-routes.ts";
import { webhookRoutes } from "./webhook-routes.ts";
import { workItemRoutes } from "./work-item-routes.ts";

export function registerRoutes(
  api: Api,
  deps: AppDeps,
  auth: AuthRouteOptions,
  feedUpload: FeedUploadLimits = defaultFeedUploadLimits,
): void {
  systemRoutes(api, deps);
  authRoutes(api, deps, auth);
  oidcRoutes(api, deps, auth);
  userRoutes(api, deps);
  assignmentRoutes(api, deps);
  auditRoutes(api, deps);
  playbookRoutes(api, deps);
  playbookVersionRoutes(api, deps);
  portfolioRoutes(api, deps);
  feedRoutes(api, deps, feedUpload);
  savedViewRoutes(api, deps);
  entitlementRoutes(api, deps);
  escalationRoutes(api, deps);
  myWorkRoutes(api, deps);
  qualityRoutes(api, deps);
  reportRoutes(api, deps);
  historyReportRoutes(api, deps);
  bulkRoutes(api, deps);
  exportRoutes(api, deps);
  suggestRoutes(api, deps);
  webhookRoutes(api, deps);
  workItemRoutes(api, deps);
  notificationRoutes(api, deps);
  preferenceRoutes(api, deps);
}
