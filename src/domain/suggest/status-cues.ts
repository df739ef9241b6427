/**
 * Phrases that say which L1 a note is, whatever service or reason it names: "no
 * response after 3 emails" (Status Unknown), "no plans to deploy" (No Intent),
 * "counted twice" (Duplicate/Invalid), "pilot running" (In Progress), "blocked
 * on" (Blocked). Each cue groups the many ways writers put one status, so a
 * wording the corpus showed once still votes with the others; single words and
 * word pairs alone spread that signal thin, and the L1s other than Blocked have
 * few notes each. A cue after a negation ("not blocked", "not a duplicate",
 * "no longer stuck") becomes `not_<cue>`.
 *
 * Patterns run on the normalised note (folded, contractions expanded, shorthand
 * spelt out; see note-features.ts).
 */
export const STATUS_CUES: Record<string, RegExp> = {
  blocked: cue(
    /blocked|blocker|blockers|blocking|stuck|on hold|waiting (?:on|for)|can not|unable to|prevents?|until/,
  ),
  unblocked: cue(
    /unblocked|resolved|fixed(?: now)?|cleared|workaround (?:accepted|in place)|resumes?|resumed|back on track/,
  ),
  unresponsive: cue(
    /(?:no|nil|never any|without any?) (?:response|responses|reply|replies|answer|answers|resp|callback|reaction|contact)|(?:not|never|nobody|no one) (?:responding|responded|respond|replying|replied|reply|answering|answered|answers|answer|reachable|picking up|getting back|got back)|unresponsive|unresp|unreachable|ghosted|silent|silence|voicemail|no luck|outreach|(?:\d+|several|multiple|many|two|three|four|five|six)x? (?:attempts|emails|mails|calls|tries|times|reminders|follow-ups|pings)|tried (?:calling|contacting|reaching|several|multiple|again|to reach|to contact)/,
  ),
  no_plans: cue(
    /no (?:intent|intention|plans?|interest|appetite|business case|biz case|use for|value|driver|sponsor|sponsorship|priority)|not (?:interested|planning|intending|going to|deploying|adopting|pursuing|a priority|moving|rolling out|using)|(?:does|do|did|will|would) not (?:want|intend|plan|need|see|deploy|use|adopt|move|roll out|sponsor|support)|decided (?:not|against)|declined|opted out|will never|never deploy|standardi[sz]ed on|sticking with|no intent/,
  ),
  duplicate: cue(
    /dup|dups|dupe|duplicate|duplicates|duplicated|dup'd|double[- ]?count(?:ed|ing)?|counted (?:twice|double|once per)|twice|invalid|not a real|no real users|by mistake|in error|created by mistake|(?:test|trial|demo|dev|development|sandbox|poc|lab|training) tenant|sandbox|decommissioned|decomm|shut down|dissolved|merged into|data error|reporting (?:gap|error)|should not count|never had/,
  ),
  in_progress: cue(
    /on track|in progress|under way|underway|ongoing|progressing|going well|rolling out|rolled out|deploying|migrating|moving|enrolled|piloting|in pilot|pilot (?:running|under way|underway|live|started|group|users|with)|expanding|widening|scaling|next wave|waves? \d|phase \d|go-live|went live|is live|now live|\d[\d,]* (?:of|out of) \d[\d,]* (?:done|migrated|moved|enrolled|deployed|complete|completed|sites|mailboxes|users|groups|devices)/,
  ),
  intent_known: cue(
    /(?:intent|intention) (?:is |was |has been )?(?:confirmed|declared|known|clear|established)|(?:confirmed|declared|known) (?:intent|intention)|committed to|signed off/,
  ),
  new_subscription: cue(
    /new (?:sub|subs|subscription|subscriptions|seats|licences|licenses|licence|license|purchase|sku|skus|entitlement|entitlements|workload|add-on)|just (?:bought|purchased|added)|recently (?:bought|purchased|added)|(?:purchased|bought|added|appeared|showed up) (?:in|with|as part of|after)|intent (?:not|unknown|unk|unclear|tbd|to be confirmed)|(?:not yet|never|have not|has not|not been) (?:discussed|asked|contacted|established|confirmed|checked|reached out)|status unknown|tbd/,
  ),
};

/**
 * Who is silent decides the L1: an unresponsive partner once intent is known is Blocked
 * (Partner Engagement), an unresponsive customer is Status Unknown. An unresponsive cue
 * whose sentence names a partner before it becomes `partner_unresponsive`.
 */
export const PARTNER_BEFORE =
  /\b(?:partner|partners|ftp|frp|fasttrack partner|si|vendor|reseller|csp|integrator|contractor|consultancy|pt)\b[^.;!?]*$/;

/** A negation up to two words before a cue turns it around. */
export const CUE_NEGATION =
  /\b(?:not|no|never|nor|nothing|none|neither|isnt|rather than|no longer)\b(?:\s+[^\s.;:,!?()]+){0,2}\s*$/;

/** Whole words only: "dup" must not fire inside "duplex". */
function cue(pattern: RegExp): RegExp {
  return new RegExp(`(?<![a-z0-9_])(?:${pattern.source})(?![a-z0-9_])`, "g");
}
