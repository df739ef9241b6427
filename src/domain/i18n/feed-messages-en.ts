/**
 * The English row errors of the portfolio feed, keyed by the error's code
 * (the codes never change): the source other languages translate key for key
 * (docs/I18N.md, docs/FEED.md). Column and file names stay as the file has them.
 */
export const feedMessagesEn = {
  value_required: "{column} is required.",
  value_too_long: "{column} is longer than {max} characters.",
  count_invalid: '{column} must be a whole number, 0 or more (not "{value}").',
  date_invalid: '{column} must be a date written YYYY-MM-DD (not "{value}").',
  column_unknown: '"{name}" is not a column of {file}.',
  column_duplicate: 'The column "{name}" appears twice.',
  column_missing: '{file} needs a "{name}" column.',
  end_before_start: "end_date {end} is before start_date {start}.",
  scope_invalid: "Give either customer_key or tenant_id: the one the person is assigned to.",
  service_unknown: '"{key}" is not a service of the playbook (id, name, code or alias).',
  role_unknown: '"{key}" is not a role of the playbook.',
  role_not_allowed: "The feed cannot make anyone {role}: an Admin does that in Unblock.",
  email_invalid: '"{value}" is not an email address.',
  domain_invalid: '"{value}" is not a domain name.',
  json_invalid: "The line is not a JSON object.",
} as const;

export type FeedMessageKey = keyof typeof feedMessagesEn;
