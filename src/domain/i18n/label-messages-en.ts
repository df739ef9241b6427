/**
 * The English labels the server's lists and reports write beside playbook
 * names (an owner's kind, a seat with no status yet): the source the other
 * languages translate key for key (docs/I18N.md).
 */
export const labelMessagesEn = {
  owner_person: "A person",
  owner_team: "{team} (team)",
  owner_unresolved: "{owner} (unresolved)",
  owner_none: "No owner",
  no_status: "(no status)",
  no_l2: "(no L2)",
  no_l3: "(no L3)",
} as const;

export type LabelMessageKey = keyof typeof labelMessagesEn;
