import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestDeps } from "../../test/factories/test-deps.ts";
import { openTestDatabase } from "../../test/support/test-database.ts";
import type { Database } from "../db/client.ts";
import type { Actor, AppDeps } from "./app-deps.ts";
import { exportAudit, prepareAuditExport, readAudit } from "./audit/read-audit.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "./auth/api-tokens.ts";
import { currentUserOf } from "./auth/current-user.ts";
import { bulkSetStatus } from "./entitlements/bulk-set-status.ts";
import { countEntitlements } from "./entitlements/count-entitlements.ts";
import { exportEntitlements, prepareEntitlementExport } from "./entitlements/export-entitlements.ts";
import { getEntitlement } from "./entitlements/get-entitlement.ts";
import { getEntitlementHistory } from "./entitlements/get-entitlement-history.ts";
import { getOwnerChoices } from "./entitlements/get-owner-choices.ts";
import { importStatuses } from "./entitlements/import-statuses.ts";
import { listEntitlements, listEntitlementsAsJson } from "./entitlements/list-entitlements.ts";
import { countEntitlementsAsOf, listEntitlementsAsOf } from "./entitlements/list-entitlements-as-of.ts";
import { setStatus } from "./entitlements/set-status.ts";
import { suggestStatus } from "./entitlements/suggest-status.ts";
import { addResolverMember } from "./escalations/add-resolver-member.ts";
import { changeEscalationState } from "./escalations/change-escalation-state.ts";
import { commentOnEscalation } from "./escalations/comment-on-escalation.ts";
import { getEscalation } from "./escalations/get-escalation.ts";
import { getEscalationHistory } from "./escalations/get-escalation-history.ts";
import { getEscalationReport } from "./escalations/get-escalation-report.ts";
import { listEscalations } from "./escalations/list-escalations.ts";
import { listResolverGroups } from "./escalations/list-resolver-groups.ts";
import { openEscalation } from "./escalations/open-escalation.ts";
import { removeResolverMember } from "./escalations/remove-resolver-member.ts";
import { failInterruptedSyncs } from "./feed/fail-interrupted-syncs.ts";
import { getPortfolioSync } from "./feed/get-portfolio-sync.ts";
import { listPortfolioSyncs } from "./feed/list-portfolio-syncs.ts";
import { startPortfolioSync } from "./feed/start-portfolio-sync.ts";
import { syncPortfolio } from "./feed/sync-portfolio.ts";
import { listJobs } from "./jobs/list-jobs.ts";
import { retryJob } from "./jobs/retry-job.ts";
import { dismissRecheck } from "./my-work/dismiss-recheck.ts";
import { getMyWork } from "./my-work/get-my-work.ts";
import { listRechecks } from "./my-work/list-rechecks.ts";
import { listNotifications } from "./notifications/list-notifications.ts";
import { markNotificationsRead } from "./notifications/mark-notifications-read.ts";
import { getMyPreferences, updateMyPreferences } from "./notifications/my-preferences.ts";
import { applyPlaybook } from "./playbook/apply-playbook.ts";
import { diffPlaybooks } from "./playbook/diff-playbooks.ts";
import { listPlaybookFiles } from "./playbook/list-playbook-files.ts";
import { listPlaybookVersions } from "./playbook/list-playbook-versions.ts";
import { getCustomer } from "./portfolio/get-customer.ts";
import { getTenant } from "./portfolio/get-tenant.ts";
import { listCustomers } from "./portfolio/list-customers.ts";
import { listTenants } from "./portfolio/list-tenants.ts";
import { listQualityItems } from "./quality/list-quality-items.ts";
import { getBlockedAging } from "./reports/blocked-aging.ts";
import { getBlockedOverTimeByL2 } from "./reports/blocked-by-l2-over-time.ts";
import { getBlockedByL2Service } from "./reports/blocked-by-l2-service.ts";
import { getBlockedByL3 } from "./reports/blocked-by-l3.ts";
import { getBlockedOverTime } from "./reports/blocked-over-time.ts";
import { comparePortfolio } from "./reports/compare-portfolio.ts";
import { getDwellTimes } from "./reports/dwell-times.ts";
import { getL1Flow } from "./reports/l1-flow.ts";
import { getOverdueNextActions } from "./reports/overdue-next-actions.ts";
import { getProjectedUnblocks } from "./reports/projected-unblocks.ts";
import { getRecentChanges } from "./reports/recent-changes.ts";
import { reportRowScope, reportTotals } from "./reports/report-totals.ts";
import { deleteSavedView } from "./saved-views/delete-saved-view.ts";
import { listSavedViews } from "./saved-views/list-saved-views.ts";
import { saveView } from "./saved-views/save-view.ts";
import { assignUser, requireAssignRight } from "./users/assign-user.ts";
import { changeOwnPassword } from "./users/change-own-password.ts";
import { createUser } from "./users/create-user.ts";
import { listAssignments } from "./users/list-assignments.ts";
import { listUserViews } from "./users/list-users.ts";
import { reassignUser } from "./users/reassign-user.ts";
import { unassignUser } from "./users/unassign-user.ts";
import { updateUser } from "./users/update-user.ts";
import { createWebhook } from "./webhooks/create-webhook.ts";
import { deleteWebhook } from "./webhooks/delete-webhook.ts";
import { listWebhookDeliveries } from "./webhooks/list-webhook-deliveries.ts";
import { listWebhooks } from "./webhooks/list-webhooks.ts";
import { redeliverWebhook } from "./webhooks/redeliver-webhook.ts";
import { createWorkItem } from "./work-items/create-work-item.ts";
import { getShippedReport } from "./work-items/get-shipped-report.ts";
import { listWorkItems } from "./work-items/list-work-items.ts";
import { shipWorkItem } from "./work-items/ship-work-item.ts";
import { updateWorkItem } from "./work-items/update-work-item.ts";

type Call = (deps: AppDeps, actor: Actor) => unknown;

const some = randomUUID();
const csv = "tenant_domain,service,l1,seats\nexample.test,exchange,blocked,10\n";
const discard = () => undefined;
const as = (actor: Actor) => ({ actor, source: "api" });

/**
 * Every use-case a user's request can reach, called the way its route or
 * command calls it. Each checks the acting user itself: a new use-case goes
 * in this table, or in `notUseCases` below with the reason it needs no actor.
 */
const useCases: Record<string, Call> = {
  listEntitlements: (deps, actor) => listEntitlements(deps, actor, {}),
  listEntitlementsAsJson: (deps, actor) => listEntitlementsAsJson(deps, actor, {}),
  countEntitlements: (deps, actor) => countEntitlements(deps, actor, {}),
  getEntitlement: (deps, actor) => getEntitlement(deps, actor, some),
  getEntitlementHistory: (deps, actor) => getEntitlementHistory(deps, actor, some),
  getOwnerChoices: (deps, actor) => getOwnerChoices(deps, actor, some),
  setStatus: (deps, actor) =>
    setStatus(deps, { entitlementId: some, version: 1, segments: [], actor, source: "api" }),
  bulkSetStatus: (deps, actor) =>
    bulkSetStatus(deps, { items: [{ entitlementId: some, version: 1, segments: [] }], actor, source: "api" }),
  importStatuses: (deps, actor) => importStatuses(deps, { csvText: csv, actor, dryRun: true }),
  exportEntitlements: (deps, actor) => exportEntitlements(deps, actor, {}, "csv", discard),
  prepareEntitlementExport: (deps, actor) => prepareEntitlementExport(deps, actor, {}, "csv"),
  suggestStatus: (deps, actor) => suggestStatus(deps, actor, { note: "Waiting on the customer's proxy." }),
  syncPortfolio: (deps, actor) =>
    syncPortfolio(deps, {
      folder: "no-such-folder",
      actor,
      dryRun: true,
      full: false,
      partial: false,
      allowMassEnd: false,
    }),
  startPortfolioSync: (deps, actor) =>
    startPortfolioSync(deps, actor, {
      receive: async () => ({
        folder: "no-such-folder",
        options: { dryRun: true, full: false, partial: false, allowMassEnd: false },
      }),
    }),
  getPortfolioSync: (deps, actor) => getPortfolioSync(deps, actor, 1),
  listPortfolioSyncs: (deps, actor) => listPortfolioSyncs(deps, actor, { limit: 20 }),
  failInterruptedSyncs: (deps, actor) => failInterruptedSyncs(deps, actor),
  getMyWork: (deps, actor) => getMyWork(deps, actor, {}),
  listQualityItems: (deps, actor) => listQualityItems(deps, actor, {}),
  listCustomers: (deps, actor) => listCustomers(deps, actor, {}),
  listTenants: (deps, actor) => listTenants(deps, actor, {}),
  getCustomer: (deps, actor) => getCustomer(deps, actor, some),
  getTenant: (deps, actor) => getTenant(deps, actor, some),
  getBlockedByL2Service: (deps, actor) => getBlockedByL2Service(deps, actor),
  getBlockedByL3: (deps, actor) => getBlockedByL3(deps, actor),
  getBlockedAging: (deps, actor) => getBlockedAging(deps, actor),
  getProjectedUnblocks: (deps, actor) => getProjectedUnblocks(deps, actor),
  getBlockedOverTime: (deps, actor) => getBlockedOverTime(deps, actor),
  getOverdueNextActions: (deps, actor) => getOverdueNextActions(deps, actor),
  getRecentChanges: (deps, actor) => getRecentChanges(deps, actor),
  getBlockedOverTimeByL2: (deps, actor) => getBlockedOverTimeByL2(deps, actor),
  comparePortfolio: (deps, actor) => comparePortfolio(deps, actor, { from: "2025-01-01", to: "2025-02-01" }),
  getDwellTimes: (deps, actor) => getDwellTimes(deps, actor),
  getL1Flow: (deps, actor) => getL1Flow(deps, actor),
  listEntitlementsAsOf: (deps, actor) => listEntitlementsAsOf(deps, actor, { asOf: "2025-01-01" }),
  countEntitlementsAsOf: (deps, actor) => countEntitlementsAsOf(deps, actor, { asOf: "2025-01-01" }),
  reportTotals: (deps, actor) => reportTotals(deps, actor, {}, async () => []),
  reportRowScope: (deps, actor) => reportRowScope(deps, actor),
  listUserViews: (deps, actor) => listUserViews(deps, actor),
  listAssignments: (deps, actor) => listAssignments(deps, actor),
  createUser: (deps, actor) =>
    createUser(deps, as(actor), { email: "new@x.test", name: "New", role: "viewer" }),
  updateUser: (deps, actor) => updateUser(deps, as(actor), some, { version: 1, name: "Renamed" }),
  assignUser: (deps, actor) => assignUser(deps, as(actor), { userId: some, tenantId: some }),
  unassignUser: (deps, actor) => unassignUser(deps, as(actor), some),
  reassignUser: (deps, actor) => reassignUser(deps, as(actor), { from: some, to: "x@x.test", dryRun: true }),
  requireAssignRight: (deps, actor) =>
    requireAssignRight(deps, deps.database.db, as(actor), { tenantId: some }),
  changeOwnPassword: (deps, actor) =>
    changeOwnPassword(deps, as(actor), { currentPassword: "old", newPassword: "a new long password" }),
  createApiToken: (deps, actor) => createApiToken(deps, as(actor), { name: "laptop" }),
  listApiTokens: (deps, actor) => listApiTokens(deps, actor),
  revokeApiToken: (deps, actor) => revokeApiToken(deps, as(actor), some),
  readAudit: (deps, actor) => readAudit(deps, actor, {}),
  exportAudit: (deps, actor) => exportAudit(deps, actor, {}, "csv", discard),
  prepareAuditExport: (deps, actor) => prepareAuditExport(deps, actor, {}, "csv"),
  listSavedViews: (deps, actor) => listSavedViews(deps, actor),
  saveView: (deps, actor) => saveView(deps, actor, { name: "Mine", query: "l1=blocked" }),
  deleteSavedView: (deps, actor) => deleteSavedView(deps, actor, some),
  listJobs: (deps, actor) => listJobs(deps, actor, {}),
  retryJob: (deps, actor) => retryJob(deps, actor, 1),
  createWebhook: (deps, actor) =>
    createWebhook(deps, as(actor), { url: "https://hooks.example.com/x", events: ["status.changed"] }),
  listWebhooks: (deps, actor) => listWebhooks(deps, actor),
  deleteWebhook: (deps, actor) => deleteWebhook(deps, as(actor), some),
  listWebhookDeliveries: (deps, actor) => listWebhookDeliveries(deps, actor, { webhookId: some }),
  redeliverWebhook: (deps, actor) => redeliverWebhook(deps, as(actor), { webhookId: some, deliveryId: 1 }),
  listNotifications: (deps, actor) => listNotifications(deps, actor),
  markNotificationsRead: (deps, actor) => markNotificationsRead(deps, actor, {}),
  openEscalation: (deps, actor) => openEscalation(deps, as(actor), { entitlementId: some, message: "Help" }),
  changeEscalationState: (deps, actor) =>
    changeEscalationState(deps, as(actor), { id: some, action: "acknowledge", version: 1 }),
  commentOnEscalation: (deps, actor) => commentOnEscalation(deps, as(actor), { id: some, text: "Noted" }),
  getEscalation: (deps, actor) => getEscalation(deps, actor, some),
  listEscalations: (deps, actor) => listEscalations(deps, actor, {}),
  getEscalationHistory: (deps, actor) => getEscalationHistory(deps, actor, some),
  getEscalationReport: (deps, actor) => getEscalationReport(deps, actor),
  listResolverGroups: (deps, actor) => listResolverGroups(deps, actor),
  addResolverMember: (deps, actor) =>
    addResolverMember(deps, as(actor), { group: "Account Team", user: "x@x.test" }),
  removeResolverMember: (deps, actor) =>
    removeResolverMember(deps, as(actor), { group: "Account Team", user: "x@x.test" }),
  listWorkItems: (deps, actor) => listWorkItems(deps, actor, {}),
  createWorkItem: (deps, actor) => createWorkItem(deps, as(actor), { title: "Fix", l2: "legal_regulatory" }),
  updateWorkItem: (deps, actor) => updateWorkItem(deps, as(actor), some, { version: 1, title: "Fix" }),
  shipWorkItem: (deps, actor) => shipWorkItem(deps, as(actor), some, {}),
  getShippedReport: (deps, actor) => getShippedReport(deps, actor),
  listRechecks: (deps, actor) => listRechecks(deps, actor, {}),
  dismissRecheck: (deps, actor) => dismissRecheck(deps, actor, some),
  getMyPreferences: (deps, actor) => getMyPreferences(deps, actor),
  updateMyPreferences: (deps, actor) => updateMyPreferences(deps, actor, { digest: "off" }),
  listPlaybookVersions: (deps, actor) => listPlaybookVersions(deps, actor),
  listPlaybookFiles: (deps, actor) => listPlaybookFiles(deps, actor),
  diffPlaybooks: (deps, actor) =>
    diffPlaybooks(deps, actor, { old: { content: "x" }, next: { content: "x" } }),
  applyPlaybook: (deps, actor) =>
    applyPlaybook(deps, as(actor), { candidate: { content: "x" }, dryRun: true }),
};

/** Use-cases that answer an actor of no known role with nothing rather than a refusal. */
const answersNothing = {
  // /api/me: the web app learns it may do nothing, rather than failing to start.
  currentUserOf: (deps: AppDeps, actor: Actor) => currentUserOf(deps, actor).permissions,
};

/** Exports of the use-case folders that are not use-cases, and why they take no actor. */
const notUseCases: Record<string, string> = {
  entitlementQueryOf: "checks a filter; takes the scope its callers worked out from the actor",
  asOfQueryOf: "checks an as-of filter for the list and the export; the scope comes from listScopeOf(actor)",
  viewAsOf: "puts a history row's status into a view the as-of list or export already read for its actor",
  reportScope: "checks a report filter; takes the scope reportTotals or reportRowScope worked out",
  historyLabels: "names the playbook ids history rows keep, for the history reports that checked the actor",
  recordAudit: "part of a write that has checked its actor",
  recordPlaybookLoad: "the server recording the playbook it started with",
  loadPlaybook: "reads the playbook file at start, before anyone acts",
  resolvePlaybookPath: "names the playbook file from the configuration",
  checkedPlaybook: "checks a playbook file's contents for loadPlaybook and the playbook use-cases",
  clearPlaybookCache: "forgets loaded files (tests, a reload)",
  readPlaybookFile: "reads and checks a file for `playbook validate` and loadPlaybook",
  checkPlaybookBytes: "checks an uploaded or recorded file for the playbook use-cases",
  resolveTeamOwners: "run by the system at start",
  syncServices: "run by the system at start, and by applyPlaybook after its Admin check",
  localizedIndex: "the playbook in a reader's language, for use-cases that checked their actor",
  indexFor: "picks the playbook in the actor's language for use-cases that checked their actor",
  playbookTranslationProblems:
    "checks a playbook's side file against it; names no tenant and reads no user data",
  translationWarnings: "the same checks as lines for start-up and the playbook commands; reads no user data",
  recordPlaybookAtStart: "the server checking and recording the playbook it starts on",
  playbookInUse: "reads the version in use for the playbook use-cases and the start-up check",
  recordedPlaybook: "parses a recorded version's file",
  storedGroups: "counts stored values for the playbook use-cases, after their Admin check",
  playbookChangeReport: "works out the report of diffPlaybooks and applyPlaybook, after their Admin check",
  moveKeys: "shapes the query keys of a remap",
  remapStatusesInBatches: "part of applyPlaybook, after its Admin check",
  remapWorkItems: "part of applyPlaybook, after its Admin check",
  underPlaybookApplyLock: "holds the playbook versions lock for applyPlaybook, after its Admin check",
  recordAppliedVersion: "part of applyPlaybook, after its Admin check",
  readCandidate: "reads the file a playbook use-case was given, after its Admin check",
  playbookDirectory: "names the folder playbook files are chosen from",
  playbookFileNames: "lists that folder for listPlaybookFiles",
  versionView: "shapes a recorded version for display",
  currentTaxonomyMap: "builds the map reports read history through, after they checked the actor",
  cachedTaxonomyMap: "the map reportScope reads history through, for report use-cases that checked the actor",
  resolveApiToken: "authentication itself: finds who is acting",
  findUserByEmail: "resolves the CLI's --as and sign-in; never reached by a signed-in request",
  findUserById: "resolves who is acting; never reached by a signed-in request",
  listUsers: "the CLI asks whether any user exists before the first one is added",
  ensureUser: "the demo seed's users, written by the operator",
  checkUserFields: "checks fields of a user being created or changed",
  auditedAssignment: "shapes an audit row",
  loadOwnerContext: "part of setStatus, after it has checked its actor",
  proposeOwners: "part of setStatus, after it has checked its actor",
  settleOwners: "part of setStatus, after it has checked its actor",
  resolveImportOwners: "part of importStatuses, after it has checked its actor",
  judgeImport: "part of importStatuses, after it has checked its actor",
  writeImportChanges: "part of importStatuses, after it has checked its actor",
  auditedUser: "shapes an audit row",
  userViewOf: "shapes a user for display",
  findFeedFiles: "finds the files syncPortfolio reads",
  readFeedFile: "reads one file for syncPortfolio",
  stageFeedFile: "stages one file inside syncPortfolio's transaction",
  hashFeedFile: "hashes one file for syncPortfolio",
  taxonomyFilterOf: "checks a list filter's values inside the list use-cases, after they checked the actor",
  findUnchangedFiles: "finds the files syncPortfolio may skip, inside its transaction",
  unchangedCounts: "counts a file syncPortfolio skipped",
  fileStatesAfter: "records the files' states at the end of syncPortfolio's transaction",
  JobRunner: "the server's runner: runs jobs as the system, started by `unblock serve`",
  defaultBackoff: "computes a retry delay",
  serverJobs: "lists the runner's handlers and schedules",
  startJobRunner: "starts the runner in `unblock serve`",
  isLastAttempt: "computes whether a job's failure is its last",
  deliveryJobKey: "names a delivery's job",
  webhookNotFound: "shapes the 404 of a webhook",
  postWebhook: "sends one delivery for the webhook.deliver job",
  newWebhookSecret: "makes a secret inside createWebhook",
  webhookSignature: "signs one delivery",
  privateTargetsAllowed: "reads UNBLOCK_WEBHOOK_ALLOW_PRIVATE",
  isPrivateAddress: "judges an address",
  checkWebhookUrl: "checks a URL inside createWebhook",
  guardedLookup: "resolves a receiver's name for postWebhook",
  notify:
    "called by the jobs the system runs after a change its writer was authorised for; no request reaches it",
  notifyInTransaction: "notify inside a change that has checked its actor (a work item shipped)",
  mailConfig: "reads UNBLOCK_SMTP_URL and UNBLOCK_MAIL_FROM",
  sendMail: "sends one mail for the mail.send job",
  escapeHtml: "escapes text",
  notificationMail: "shapes one notification's mail",
  preferencesView: "shapes preferences for display",
  previewUnsubscribe: "authorised by the signed token of an unsubscribe link, which names the one person",
  unsubscribe: "authorised by the signed token of an unsubscribe link, which names the one person",
  unsubscribeToken: "signs a link for a mail the system sends",
  readUnsubscribeToken: "checks a link's signature for previewUnsubscribe and unsubscribe",
  unsubscribeUrl: "signs a link for a mail the system sends",
  publicUrl: "reads UNBLOCK_PUBLIC_URL",
  unsubscribeHeaders: "shapes mail headers",
  digestSections: "the digest job's reader: runs getMyWork as the digest's person, which checks them",
  digestMail: "shapes one digest's mail",
  currentSyncSlot: "the in-process slot of the sync startPortfolioSync runs",
  claimSyncSlot: "taken by startPortfolioSync once it has checked its actor",
  liveSync: "the live view getPortfolioSync and listPortfolioSyncs give once they checked the actor",
  noteSyncProgress: "records progress of the sync startPortfolioSync runs",
  syncsSettled: "waits for the running sync (tests, a server stopping)",
  escalationReader: "works out what the escalation use-cases' actor sees (requireActor first)",
  visibleEscalation: "finds one escalation for the use-cases, refusing what their actor may not see",
  requireHandler: "refuses a non-member inside changeEscalationState",
  escalationView: "shapes an escalation for a reader the use-case checked",
  raiseEscalation: "part of openEscalation and the rules' job, which checked who may",
  raiseRuleEscalations: "the escalation.rules job, which the system runs",
  resolverGroupsWithMembers: "reads the groups for the resolver group use-cases",
  knownGroup: "checks a group name inside the resolver group use-cases",
  namedUser: "finds the user a resolver group change names, after the Admin check",
  jobCountsByState: "GET /metrics, guarded by its token or address; counts name no tenant",
  databaseFigures: "GET /metrics: statement and connection counts",
  watchStatusWriteBatches: "GET /metrics: group-commit batch sizes",
  drainStatusWrites: "a stopping server waits for writes it already accepted",
  readDatabaseFor: "picks the replica or the primary for a report or export that checked its actor",
  readOnReplica: "runs a read of a report use-case that checked its actor, on the replica or the primary",
  seatCountFor: "withholds a count from a role, for the work-item use-cases that checked the actor",
  taxonomyNames: "names an L2 and L3",
  workItemView: "shapes a work item for a reader the use-case checked",
  workItemWithSeats: "shapes a work item for a reader the use-case checked",
  workItemConflict: "shapes the 409 of a work item edit",
  workItemNotFound: "shapes the 404 of a work item",
  personQualityItems:
    "the digest job's reader for one person: scoped by that person's own role and assignments",
  judgeUnjudgedNotes:
    "judges notes for listQualityItems and personQualityItems, in the scope they worked out",
  noteJudgeBasis: "names what judged a note",
  ownerDisplay: "shapes an owner for display",
  ownerCountView: "shapes an owner count for display",
  qualityItemView: "shapes a quality item for display",
  raiseOverdueBatch: "a batch of the next_action.overdue job, which the system runs",
};

const folders = [
  "entitlements",
  "playbook",
  "feed",
  "my-work",
  "portfolio",
  "reports",
  "users",
  "audit",
  "saved-views",
  "jobs",
  "webhooks",
  "notifications",
  "work-items",
  "escalations",
  "quality",
  "replica",
];
const authUseCaseFiles = ["auth/api-tokens.ts", "auth/current-user.ts"];

async function exportedFunctions(): Promise<string[]> {
  const files = [
    ...folders.flatMap((folder) =>
      readdirSync(new URL(`./${folder}/`, import.meta.url))
        .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
        .map((name) => `${folder}/${name}`),
    ),
    ...authUseCaseFiles,
  ];
  const names: string[] = [];
  for (const file of files) {
    const module = (await import(`./${file}`)) as Record<string, unknown>;
    names.push(...Object.keys(module).filter((name) => typeof module[name] === "function"));
  }
  return names;
}

describe("every use-case checks its actor (fail-closed)", () => {
  let database: Database;
  let deps: AppDeps;
  const missing = undefined as unknown as Actor;
  const roleless: Actor = { id: randomUUID(), email: "ghost@example.test", name: "Ghost", role: "wizard" };

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = await makeTestDeps(database);
  });
  afterAll(() => database.close());

  it("lists every exported function of the use-case folders as a use-case or says why it is not one", async () => {
    const unlisted = (await exportedFunctions()).filter(
      (name) => !(name in useCases) && !(name in answersNothing) && !(name in notUseCases),
    );
    expect(unlisted).toEqual([]);
  });

  it.each(Object.entries(useCases))("%s refuses a missing actor as unauthenticated", async (_, call) => {
    await expect(Promise.resolve().then(() => call(deps, missing))).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });

  it.each(Object.entries(useCases))("%s refuses a role the playbook does not define", async (_, call) => {
    await expect(Promise.resolve().then(() => call(deps, roleless))).rejects.toMatchObject({
      code: "forbidden",
      detail: { rule: "role_unknown" },
    });
  });

  it.each(Object.entries(answersNothing))(
    "%s refuses a missing actor and gives an unknown role nothing",
    (_, call) => {
      expect(() => call(deps, missing)).toThrow(expect.objectContaining({ code: "unauthenticated" }));
      expect(call(deps, roleless)).toEqual([]);
    },
  );
});
