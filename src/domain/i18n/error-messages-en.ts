/**
 * The English sentences of the refusals the web app shows as they come
 * (problem+json `title` and `detail`): the source other languages translate
 * key for key (docs/I18N.md). Codes, `rule` values and field names never
 * change; only these words do.
 */
export const errorMessagesEn = {
  // problem+json titles, by HTTP status.
  title_400: "Bad request",
  title_401: "Sign-in required",
  title_403: "Not allowed",
  title_404: "Not found",
  title_405: "Method not allowed",
  title_409: "Conflict",
  title_413: "Request too large",
  title_415: "Unsupported media type",
  title_422: "The request breaks a rule",
  title_429: "Too many requests",
  title_500: "Internal error",
  title_503: "Service unavailable",
  title_other: "Error",

  // Nothing there (or nothing the asker may see: the same words).
  not_found: "Not found.",
  no_entitlement: "There is no entitlement {id}.",
  no_tenant: "There is no tenant {id}.",
  no_customer: "There is no customer {id}.",
  no_user: "There is no user {id}.",
  no_assignment: "There is no assignment {id}.",
  no_token: "There is no token {id}.",

  // A value's shape, wherever it is given (list filters, work items).
  value_not_a_date: '"{value}" is not a date written YYYY-MM-DD.',
  value_not_a_service: '"{value}" is not a service of the playbook.',
  no_work_item: "There is no work item {id}.",
  no_escalation: "There is no escalation {id}.",
  no_webhook: "There is no webhook {id}.",
  no_job: "There is no job {id}.",
  no_portfolio_sync: "There is no portfolio sync {id}.",
  no_saved_view: "You have no saved view {id}.",
  no_recheck: "You have no open re-check item {id}.",

  // Someone else changed it first (409).
  entitlement_changed:
    "The entitlement was changed (version {current}, you edited version {edited}). Review it and apply your change again.",
  entitlement_changed_by:
    "The entitlement was changed by {name} at {when} (version {current}, you edited version {edited}). Review it and apply your change again.",
  user_changed:
    "The user was changed by someone else (version {current}, you edited version {edited}). Reload and apply your change again.",
  work_item_changed:
    "The work item was changed by someone else (version {current}, you edited version {edited}). Review it and apply your change again.",
  escalation_changed:
    "The escalation changed since you read it (version {edited}; it is at {current}, {state}).",
  escalation_open: "open",
  escalation_acknowledged: "acknowledged",
  escalation_resolved: "resolved",
  escalation_declined: "declined",

  // Signing in, and what every request may meet.
  sign_in_first: "Sign in first.",
  sign_in_or_token: "Sign in first (POST /api/auth/login), or send an API token as Authorization: Bearer.",
  token_invalid: "The API token is not valid: it is unknown, revoked or expired.",
  csrf_failed:
    "A change made with the sign-in cookie needs the session's token in the {header} header (from /api/me).",
  sso_not_configured: "Single sign-on is not configured on this server.",
  internal_error: "Something went wrong on our side; the change was not applied.",

  // Summaries of a refused form (each field's problem is in `errors`).
  view_not_saved: "The view was not saved.",
  view_name_required: "Give the view a name.",
  view_name_too_long: "A view's name has at most {max} characters.",
  view_query_too_long: "A view's query has at most {max} characters.",
  view_too_many: "You have {max} saved views, the most one user keeps: delete one first.",
  user_not_created: "The user cannot be created.",
  user_not_changed: "The user cannot be changed.",
  user_not_stored: "The user cannot be stored.",
  token_not_created: "The token cannot be created.",
  work_item_not_saved: "The work item cannot be saved.",
  work_item_not_shipped: "The work item cannot be shipped.",
  work_item_title_required: "Give the work item a title.",
  work_item_title_too_long: "The title has at most {max} characters.",
  work_item_l3_not_for_service: 'The L3 "{l3}" applies to none of the services linked.',
  work_item_url_invalid: '"{value}" is not an http or https address of at most {max} characters.',
  work_item_state_by_ship:
    "Mark a work item shipped with Ship (POST /api/work-items/:id/ship): that tells the owners of the seats it unblocks.",
  work_item_state_invalid: '"{value}" is not one of: proposed, planned, in_development.',
  work_item_state_after_shipped: "The work item has shipped; its state stays shipped.",
  work_item_l2_required: "Link the work item to an L2 of Blocked.",
  work_item_l2_unknown: '"{value}" is not an L2 of Blocked in the playbook.',
  work_item_l3_unknown: '"{value}" is not an L3 of "{l2}" in the playbook.',
  webhook_not_saved: "The webhook was not saved.",
  webhook_url_not_absolute: "Give an absolute http or https URL.",
  webhook_url_not_http: "Webhooks are sent over http or https only.",
  webhook_url_credentials: "Put no user name or password in the URL; deliveries are signed instead.",
  webhook_url_private:
    "{host} is a loopback or private address; webhooks go to public addresses only (UNBLOCK_WEBHOOK_ALLOW_PRIVATE=1 allows them).",
  filter_invalid: "The filter is not valid.",
  filter_limit_out_of_range: "The page size must be a whole number from 1 to {max}.",
  filter_id_invalid: '"{value}" is not a valid id.',
  filter_percent_invalid: '"{value}" is not a percentage: give a number from 0 (e.g. 10 for 10%).',
  filter_not_one_of: '"{value}" is not one of: {allowed}.',
  password_wrong: "The current password is not right.",
  password_unusable: "The new password cannot be used.",
  import_failed_one: "The file has 1 error; nothing was imported.",
  import_failed_other: "The file has {count} errors; nothing was imported.",
  // Admin refusals: the playbook's files, apply and diff.
  playbook_file_unknown: "There is no playbook file {file} to choose.",
  playbook_file_choose: "Choose one of the files GET /api/playbook/files lists ({folder}).",
  playbook_invalid_summary: "Playbook {label} is invalid: {count} problem(s).",
  playbook_invalid_first: "Playbook {label} is invalid: {count} problem(s); first: {field} {message}",
  playbook_problem_at: "{message} (line {line}, column {column})",
  playbook_changed_since_preview: "The playbook in use changed since the preview. Preview again.",
  playbook_changed_since_preview_by:
    "The playbook in use changed since the preview: {playbook} {version} was applied by {email}. Preview again.",
  playbook_older:
    "{path} is version {version}, older than {current} in use: give the new file a higher version.",
  playbook_version_at_least: "must be {version} or later",
  playbook_unmapped:
    "{path} would leave stored values without a mapping: {paths}. Declare where each goes in its changes: section (docs/PLAYBOOK-VERSIONS.md).",
  playbook_orphan_one: "{path}: 1 status ({seats} seats){more}",
  playbook_orphan_other: "{path}: {count} statuses ({seats} seats){more}",
  playbook_orphan_work_items_one: ", 1 work item",
  playbook_orphan_work_items_other: ", {count} work items",
  playbook_orphan_moved: ", declared as moving to {to}, which the playbook does not define",
  playbook_statuses_kept_changing:
    "{count} statuses kept changing while the playbook was applied; the statuses it moved stay moved and the old version stays in use. Apply again to finish.",
  playbook_work_item_changed:
    "A work item changed while the playbook was applied; the statuses it moved stay moved and the old version stays in use. Apply again to finish.",

  // Admin refusals: users and their assignments.
  role_unknown:
    'The role "{role}" is not one the playbook defines, so it may do nothing. Ask an Admin to give you a role of the playbook.',
  users_list_forbidden:
    "Only Admins, Team Leads and FMs who assign users may list them. Ask an Admin for the user you need.",
  user_unknown_key: "No user has the id or email {key}.",
  user_unknown_field: "No such user.",
  reassign_same_user: "Reassign to another person than the one leaving.",
  reassign_role_mismatch: "{from} is {fromRole} and {to} is {toRole}: work moves between people of one role.",
  reassign_conflict: "An entitlement changed while its owners were moved; nothing was moved. Try again.",
  email_taken: "A user with the email {email} exists already.",
  email_taken_field: "This email belongs to another user.",
  assign_target: "Assign to a tenant or to a customer, not both and not neither.",
  assign_target_field: "Name exactly one of tenantId and customerId.",
  role_not_assignable: "{name} reads reports in aggregate only and is never assigned to tenants.",
  role_not_assignable_field: "This role reads aggregates only.",
  last_admin: "This is the last enabled Admin; make another user Admin first.",
  last_admin_field: "At least one enabled Admin must remain.",
  version_required: "Say which version you edited: a version field or an If-Match header.",
  version_required_field: "The version you read is required.",

  // Admin refusals: jobs, the audit trail, webhooks, the feed, backups.
  job_state_unknown: 'There is no job state "{state}".',
  job_state_use: "Use one of {states}.",
  job_not_failed: "Job {id} is {state}; only a failed job is retried.",
  state_queued: "queued",
  state_running: "running",
  state_done: "done",
  state_failed: "failed",
  date_invalid: "{field} is not a date or time.",
  date_invalid_field: '"{value}" is not an ISO date or time.',
  cursor_invalid: "The cursor is not one this list gave out.",
  cursor_invalid_field: "Use the nextCursor of the previous page.",
  cursor_not_issued: "The cursor is not one this service issued.",
  cursor_other_listing: "The cursor belongs to another listing or sort order; start again without it.",
  cursor_damaged: "The cursor is damaged.",
  time_zone_unknown: '"{zone}" is not a time zone this server knows.',
  time_zone_unknown_field: "must be an IANA time zone name such as Europe/Rome or America/New_York",
  unsubscribe_invalid: "This unsubscribe link is not valid: it was changed or cut short.",
  unsubscribe_invalid_field: "must be the whole token of an Unblock mail's link",
  unsubscribe_gone: "The person this link was for no longer exists.",
  no_delivery: "Webhook {webhook} has no delivery {delivery}.",
  delivery_pending: "Delivery {delivery} is still being sent; wait for its outcome.",
  sync_running: "Sync {id} is {state}: one sync runs at a time. Wait for it to end, then upload again.",
  sync_uploading: "A sync is being uploaded: one sync runs at a time. Wait for it to end, then upload again.",
  restore_not_backup: "{file} is not an Unblock backup (unblock backup writes one).",
  restore_newer:
    "The backup comes from a newer Unblock (schema {schema}, this one knows {known}): restore it with that version or later.",
  restore_not_empty: "The database is not empty: restore into a new, empty database.",
  restore_truncated: "{file} ends early: it is not a whole backup. Nothing was restored.",

  // Refusals of a feed upload (the Admin's feed page).
  field_refusal: "{field}: {message}",
  feed_multipart: "Send the feed files as multipart/form-data.",
  feed_field_unknown: "Unknown field; the options are {options}.",
  feed_files_required: "Upload at least one feed file: {names} (.csv or .jsonl).",
  feed_file_name_unknown:
    '"{file}" is not a feed file: name each file customers, tenants, entitlements, people or usage, with .csv or .jsonl.',
  feed_file_duplicate: "{file} gives {name} again (after {earlier}): send it once.",
  feed_file_empty: "{file} is empty.",
  boolean_invalid: "Give true or false.",
  feed_file_too_large_mib: "{file} is over {size} MiB, the most one feed file may be.",
  feed_file_too_large_bytes: "{file} is over {size} bytes, the most one feed file may be.",
  feed_parts_too_many: "Too many parts: send the five feed files and four options at most.",

  // The owner of a status's seats (docs/OWNERS.md).
  owner_refused: "The owner is not one these seats may have: {problems}",
  owner_team_unknown: '"{role}" is not a team of the playbook an owner may be.',
  owner_unknown: "There is no user {id}.",
  owner_not_assigned:
    "{name} is not assigned to this tenant or to its customer, so cannot own its seats; choose a team or someone assigned.",
} as const;

export type ErrorMessageKey = keyof typeof errorMessagesEn;
