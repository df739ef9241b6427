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
  internal_error: "Something went wrong on our side; the change was not applied.",

  // Summaries of a refused form (each field's problem is in `errors`).
  view_not_saved: "The view was not saved.",
  user_not_created: "The user cannot be created.",
  user_not_changed: "The user cannot be changed.",
  user_not_stored: "The user cannot be stored.",
  token_not_created: "The token cannot be created.",
  work_item_not_saved: "The work item cannot be saved.",
  work_item_not_shipped: "The work item cannot be shipped.",
  webhook_not_saved: "The webhook was not saved.",
  filter_invalid: "The filter is not valid.",
  password_wrong: "The current password is not right.",
  password_unusable: "The new password cannot be used.",
  import_failed_one: "The file has 1 error; nothing was imported.",
  import_failed_other: "The file has {count} errors; nothing was imported.",
} as const;

export type ErrorMessageKey = keyof typeof errorMessagesEn;
