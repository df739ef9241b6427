/**
 * The API's request and response shapes, as the server's zod schemas declare
 * them (src/http/schemas), imported as types only: nothing of zod reaches the
 * browser bundle, and a schema change breaks the web build instead of the
 * running app.
 */
export type { Me, SignInOptions } from "../../src/http/schemas/auth.ts";
export type {
  BulkResult,
  BulkStatusBody,
  EntitlementCount,
  EntitlementPage,
  EntitlementView,
  HistoryEntry,
  ProposedSegmentBody,
  SetStatusBody,
  StatusSnapshot,
  StoredSegment,
} from "../../src/http/schemas/entitlements.ts";
export type {
  PortfolioSync,
  PortfolioSyncList,
  SyncCountsBody,
  SyncOptions,
  SyncReportBody,
} from "../../src/http/schemas/feed.ts";
export type { MyWork, MyWorkGroupView, MyWorkItem } from "../../src/http/schemas/my-work.ts";
export type { Notification, NotificationList } from "../../src/http/schemas/notifications.ts";
export type { OwnerChoices, ResolvedOwnerView } from "../../src/http/schemas/owners.ts";
export type { TenantDetail } from "../../src/http/schemas/portfolio.ts";
export type { Preferences, PreferencesChange } from "../../src/http/schemas/preferences.ts";
export type {
  AgingBucket,
  BlockedByL2ServiceRow,
  BlockedByL3Row,
  BlockedWeek,
  OverdueAction,
  OverdueActionPage,
  ProjectedUnblockWeek,
  RecentChange,
  TotalsAnswer,
} from "../../src/http/schemas/reports.ts";
export type { SavedView } from "../../src/http/schemas/saved-views.ts";
export type { StatusSuggestion } from "../../src/http/schemas/suggest.ts";
export type { ReassignBody, ReassignPlan, User } from "../../src/http/schemas/users.ts";
