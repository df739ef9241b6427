/**
 * The English sentences of a playbook's problems (an upload or a file that
 * does not check), one per kind: the source other languages translate key for
 * key (docs/I18N.md). `playbook validate` prints these; the Admin page shows
 * them in the reader's language with their line and column. Names and ids in
 * the values are the file's own.
 */
export const playbookProblemMessagesEn = {
  // Reading the file.
  file_unreadable: "cannot read file: {reason}",
  yaml_syntax: "YAML syntax error: {message}",

  // The shape (the schema's checks, by kind).
  schema_required: "required field is missing",
  schema_expected: "expected {expected}",
  schema_too_small_string: "must be at least {minimum} characters long",
  schema_too_small_array: "must have at least {minimum} entries",
  schema_too_small_number: "must be at least {minimum}",
  schema_too_big_string: "must be at most {maximum} characters long",
  schema_too_big_array: "must have at most {maximum} entries",
  schema_too_big_number: "must be at most {maximum}",
  schema_one_of: "must be one of {values}",
  schema_unknown_keys: "unknown key(s): {keys}",
  schema_no_shape: "matches none of the forms this entry may take",
  schema_format: "is not a valid {format}",
  schema_snake_case: "must be lower snake_case (a-z, 0-9, _)",
  schema_upper_code: "must be upper-case letters and digits",
  schema_colour: "must be a #rrggbb colour",
  schema_date: "must be a YYYY-MM-DD date",
  schema_semver: "must be a semantic version like 1.0.0",
  schema_semver_change: "must be a semantic version like 1.1.0",
  schema_taxonomy_path: "must be l1/l2 or l1/l2/l3, each a playbook id (blocked/service_reliability)",
  schema_not_empty: "must not be empty",
  schema_whole_number: "must be a whole number",
  schema_l1_list: "must name at least one L1",
  schema_zero_or_more: "must be 0 or more",
  schema_hundred_or_less: "must be 100 or less",
  schema_trend_points: "must be at most 12 (the trend)",
  schema_adoption_above_operate: "must not be above the Operate threshold",
  schema_merge_two: "a merge names at least two values",
  schema_split_two: "a split names at least two parts",
  schema_other: "{message}",

  // Ids used twice.
  duplicate_role: 'Role id "{id}" is already used at index {first}',
  duplicate_service_family: 'Service family id "{id}" is already used at index {first}',
  duplicate_service_status: 'Service status id "{id}" is already used at index {first}',
  duplicate_engagement_scenario: 'Engagement scenario id "{id}" is already used at index {first}',
  duplicate_l1: 'L1 id "{id}" is already used at index {first}',
  duplicate_scenario_row: 'Scenario row id "{id}" is already used at index {first}',
  duplicate_l2: 'L2 (under {l1}) id "{id}" is already used at index {first}',
  duplicate_l3: 'L3 (under {l2}) id "{id}" is already used at index {first}',
  duplicate_service: 'Service id "{id}" is already used',
  duplicate_code: 'Service code "{code}" is already used by "{owner}"',
  ambiguous_service_name: 'Service "{name}" shares a name or alias with "{owner}"',

  // References between the parts.
  l2_not_allowed: 'L1 "{l1}" takes no L2 (l2: none) but lists {count}',
  l3_not_allowed: 'L3 "{l3}" is listed under L2 "{l2}", which takes no L3',
  l3_unknown_service: 'L3 "{l3}" names unknown service "{service}"',
  workload_unknown_service: 'Workload questions of L2 "{l2}" name unknown service "{service}"',
  missing_scenario_row: 'L1 "{l1}" has no scenario row for the {stage} stage',
  unknown_service_status: 'Unknown service status "{id}"',
  unknown_l1: 'Unknown L1 "{id}"',
  use_instead_l1: 'useInstead names unknown L1 "{id}"',
  use_instead_l3_alone: "useInstead names an L3 without its L2",
  use_instead_l2: 'useInstead names unknown L2 "{id}" under "{l1}"',
  use_instead_l3: 'useInstead names unknown L3 "{id}" under "{l2}"',
  row_unknown_table: 'Scenario row "{row}" names unknown table L1 "{l1}"',
  row_unknown_l1: 'Scenario row "{row}" sets unknown L1 "{l1}"',
  row_unknown_role: 'Scenario row "{row}" names unknown role "{role}"',
  field_value_unknown: '{field} value "{id}" is not defined',
  field_default_unknown: '{field} default "{id}" is not defined',
  field_default_not_allowed: '{field} default "{id}" is not among the allowed values',
  field_allowed_free:
    '{field} takes free values; "allowed" only applies to serviceStatus and engagementScenario',
  field_l2_default: '"@l2" is only a default for nextAction, not {field}',
  field_not_a_date: "notPast only applies to date fields, not {field}",
  field_l1_has_none: '{field} is {rule} here, but L1 "{l1}" has no {field}',
  field_l1_requires: '{field} is {rule} here, but L1 "{l1}" requires it',
  field_l3_none: 'l3 is {rule} here, but no L2 of L1 "{l1}" takes an L3',

  // The changes: section (docs/PLAYBOOK-VERSIONS.md).
  change_after_version: "Change is declared for {version}, after this playbook's version {current}",
  change_unknown_target: '"{path}" is not an L2 or L3 this playbook defines',
  change_unknown_l1: '"{l1}" is not an L1 of this playbook',
  change_l1_changed: 'A change keeps the L1: "{path}" moves to another L1',
  change_source_still_defined:
    '"{path}" is still defined: a {kind} takes statuses from a value the playbook no longer has (a split may keep it)',
  change_duplicate_source: 'Another change of {version} already moves "{path}"',
  change_unknown_service: 'Unknown service "{service}"',
  change_l3s_on_l3: "A split of an L3 cannot choose by L3: split its L2 instead",
} as const;

export type PlaybookProblemKey = keyof typeof playbookProblemMessagesEn;
