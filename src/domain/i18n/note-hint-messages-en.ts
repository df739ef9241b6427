/**
 * The note linter's hints by code, for a reader of another language than
 * English and for the editor's catalogue: the linter says its English hint
 * itself (naming the words it found); these are the sentences per code that
 * other languages translate (docs/I18N.md). Codes never change.
 */
export const noteHintMessagesEn = {
  note_empty: "Write the note: whether the customer means to use the service, and why.",
  no_meaning:
    "This reads as placeholder or keyboard text: write whether the customer means to use the service, and why.",
  usage_only:
    "A usage figure is not a status note: say what the customer intends and why usage is where it is.",
  status_only: "Say why, not just the status: what the customer intends and the main reason.",
  logistics_only:
    "This is engagement logistics: put meetings and calls in an Engagement Management note, and state the intent and its reason here.",
  logistics_mixed:
    "Move meeting and call scheduling to an Engagement Management note; keep this note to intent and reason.",
  too_long:
    "Keep it to about two sentences so the intent and the main reason stand out; move history to another note type.",
  hedge_word:
    "A hedging word leaves the reader unsure whether this will last: state the situation plainly, and the date or condition if it changes.",
  invalid_reason_missing:
    "Say why these seats are not real: a duplicate count, fraud, licences remapped, a test tenant or a reporting mismatch.",
  too_vague: "Add the specifics: what the customer intends and the main reason.",
  intent_missing: "Say the status plainly (blocked, no intent) and why.",
  covid_tag_on_pause:
    "A COVID pause is recorded as Blocked / IT Change Management and Resourcing / COVID without the #covid tag.",
  unblock_condition_missing: "Say what would clear the blocker, or when it should clear.",
  help_declined_is_not_no_intent:
    "Declining FastTrack help is not No Intent: if the customer deploys on its own or with a partner, record In Progress.",
  no_intent_temporary:
    "No Intent means the customer will never deploy: if this depends on an event, give the reason for no intent now or consider Blocked.",
  reason_missing: "Give the primary reason.",
  new_scope_missing: "Name the new subscription or workload whose intent is not known, and when it arrived.",
  attempts_missing: "Say how many attempts were made, not just that the customer did not answer.",
  channels_missing: "Say which channels were tried: email, phone, the account team.",
  account_type_missing: "Say whether the account is managed or unmanaged.",
  phase_missing: "Say where the deployment stands (kickoff, pilot, migration, adoption) and what comes next.",
  covid_tag_missing: "Tag a COVID-driven acceleration with #covid.",
  reason_not_specific:
    "Say it plainly and specifically: what the customer intends, the one main reason, and what would change it.",
};

export type NoteHintCode = keyof typeof noteHintMessagesEn;
