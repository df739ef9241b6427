/**
 * Word lists and patterns behind the note linter, taken from the playbook's notes
 * guidance: the words that state intent per L1, the markers that introduce a
 * reason, the hedges that make a note ambiguous, and the vocabulary that carries
 * no information on its own (status words, service names, filler). All patterns
 * run on folded text (lower case, accents removed, see `foldText`).
 */

/** Function words: never informative. */
export const STOP_WORDS = new Set(
  `a an the and or but nor of to in on at by for from with without into onto over under about as is are was were
  be been being am do does did done has have had having it its it's this that these those there here they them
  their theirs we us our you your he she his her i me my mine so than then too very also just only still even
  will would shall should can could may might must any all some each every both either neither more most less
  such what which who whom whose when where why how if while per via re up down out off again once further same
  other another own new s t don't doesn't didn't isn't aren't wasn't weren't won't can't couldn't not no yes
  let lets get got gets one's etc eg ie i.e e.g vs within across among around`.split(/\s+/),
);

/** Words that only restate a status or the record itself ("Blocked.", "Customer unresponsive."). */
export const STATUS_WORDS = new Set(
  `status unknown progress intent intention intend intends intended interest interested uninterested blocked block
  blocking blocker blockers blocks unblock unblocked unable cannot stuck hold held onhold unresponsive responsive
  invalid customer customers client clients cust cx tenant tenants service services workload workloads seat seats
  entitlement entitlements account note notes update updates updated tbd tbc n/a na fyi plan plans planned
  wip pending progressing ongoing continuing continue continues same previous before nothing none nil
  deploy deploys deployed deploying deployment deployments use uses used using adopt adoption rollout usage
  response responses respond responding responded unresp reply replies replied track green amber red ok okay
  fine good well going dup dupe ni itcm`.split(/\s+/),
);

/** Vague fillers that name no specific cause ("issues", "concerns", "internal reasons"). */
export const VAGUE_WORDS = new Set(
  `issue issues problem problems concern concerns reason reasons challenge challenges thing things stuff matter
  matters internal various several some technical business other others side factor
  factors item items topic topics situation circumstances decision aspects general generally overall`.split(
    /\s+/,
  ),
);

/** Service names and codes: context, not a reason. A second service named counts (a dependency). */
export const SERVICE_WORDS = new Set(
  `exchange exo online outlook olm teams sharepoint spo onedrive odfb od4b odb yammer yam intune windows win10 w10
  edge office proplus opp o365 m365 microsoft 365 aadp aad aip mcas azrms azure project power bi pbi sds classroom
  skype sfb lync staffhub defender atp mdatp wdatp oatp ems e3 e5 mobile core`.split(/\s+/),
);

/** Words about usage figures: "Usage 0%", "12% active users". */
export const USAGE_WORDS = new Set(
  `usage active users user percent pct mau dau enabled consumption low zero high current currently rate level`.split(
    /\s+/,
  ),
);

/** Hedges the guidance flags as ambiguous: they leave the reader unsure whether the state is real. */
export const HEDGES: { pattern: RegExp; label: string }[] = [
  { pattern: /\bfor now\b/, label: "for now" },
  { pattern: /\bcurrently\b/, label: "currently" },
  { pattern: /\byet\b/, label: "yet" },
  { pattern: /\bat the moment\b/, label: "at the moment" },
  { pattern: /\bat this (?:time|point|stage)\b/, label: "at this time" },
  { pattern: /\bfor the time being\b/, label: "for the time being" },
  { pattern: /\bright now\b/, label: "right now" },
  { pattern: /\bas of (?:now|today)\b/, label: "as of now" },
  { pattern: /\btemporar(?:y|ily)\b/, label: "temporarily" },
  { pattern: /\b(?:maybe|perhaps|possibly|probably|might|hopefully)\b/, label: "maybe" },
  {
    pattern:
      /\b(?:maybe later|later on|revisit\w*|at some point|soon)\b|(?:^|[,;.-] *)(?:we |i )?will (?:see|check|update)\b/,
    label: "later",
  },
  { pattern: /\bnot sure\b/, label: "not sure" },
];

/** Markers that introduce a reason or a condition. */
export const REASON_MARKER =
  /\b(?:because|due to|since|owing to|caused by|given|so|until|unless|as (?:the|their|its|they|it)|after|once|pending|awaiting|waiting (?:for|on)|which|therefore|hence|reason)\b|[:;(]|\s-\s|\bby\b/;

/** Explicit statements of intent, per L1. */
export const INTENT_CUES: Record<string, RegExp> = {
  blocked:
    /\b(?:block\w*|unable|cannot|can ?not|can't|could ?n[o']t|stuck|on hold|halt\w*|paus\w*|held (?:up|back)|hold\w* (?:up|back|off)|prevent\w*|stop\w*|wait\w*|await\w*|pending|fail\w*|won't|will not|does ?n[o']t|do ?n[o']t|is ?n[o']t|are ?n[o']t|not (?:supported|possible|compatible|certified|allowed|permitted|approved|available|ready)|no (?:budget|staff|partner|approval|sign-?off)|lack\w*|missing|break\w*|broke\w*|refus\w*|reject\w*|barrier|obstacle|issue\w*|problem\w*|concern\w*|until|need\w*|requir\w*|drop\w*|crash\w*|delay\w*|outage\w*|stall\w*|must|bans?|banned|forbid\w*|distrust\w*|think\w*|believ\w*|fear\w*|worr\w*|doubt\w*|demand\w*|insist\w*|before|has ?n[o']t|have ?n[o']t|no (?:plan|skills?|experience|one|answer|reply|response|cloud)|not (?:configured|done|finished|signed|released))\b/,
  no_intent:
    /\b(?:no intent\w*|not interested|no interest|no need|no plans?|not plan\w*|not (?:going to|moving|adopt\w*|deploy\w*|us(?:e|ing)|pursu\w*|proceed\w*|want\w*)|will not|won't|never|decided (?:not|against)|declin\w*|reject\w*|no value|does ?n[o']t (?:want|need|see)|do ?n[o']t (?:want|need|see|have intent)|stay\w* (?:on|with)|stick\w* with|keep\w* (?:their|its|using|on)|prefers?|chose|standardi[sz]ed|no appetite|opted|no desire|sees? no|no business (?:case|driver|need)|no sponsor)\b/,
  in_progress:
    /\b(?:onboard\w*|deploy\w*|roll\w* ?out|rollout|pilot\w*|migrat\w*|configur\w*|in progress|under ?way|kick-?off|enabl\w*|adopt\w*|assess\w*|remediat\w*|waves?|batch\w*|phase\w*|moving|moved|live|cut-?over|provision\w*|training|champions?|usage|set ?up|installing|installed|packag\w*|progress\w*|started|starting)\b/,
  status_unknown:
    /\b(?:no (?:reply|replies|response|answer|contact|feedback|engagement)|unresponsive|not (?:respond\w*|repl\w*|answer\w*|reachable)|did ?n[o']t (?:respond|reply|answer|get back)|never (?:replied|responded|answered)|silent|silence|ghost\w*|unreachable|went quiet|gone quiet|attempts?|new\w*|purchas\w*|bought|added|unknown|unclear|not (?:known|confirmed|established))\b/,
  duplicate_invalid:
    /\b(?:double[- ]?count\w*|twice|copies|same (?:seats|users|customer|agreement|licen[cs]es)|fraud\w*|re-?mapp?\w*|test|trial|dev|development|demo|lab|cancel\w*|retired|expired|liquidat\w*|mismatch\w*|overage|viewpoint|lynx|ftop|not genuine|merged|consolidat\w*|donor|moved|transferr?\w*|by mistake|never used|no (?:real )?users)\b/,
};

/** A count of outreach attempts: a number near an attempt or channel word. */
export const EXACT_NUMBER = /\b(?:\d+x?|one|two|three|four|five|six|seven|eight|nine|ten|twice|thrice)\b/;
export const ATTEMPT_WORD =
  /\b(?:attempts?|tries|tried|emails?|e-mails?|emailed|mails?|mailed|calls?|called|phoned?|voicemails?|vms?|messages?|messaged|pings?|pinged|reminders?|follow-?ups?|outreach\w*|times|chats?|texts?|sms|letters?|linkedin|inmails?)\b/;
export const CHANNEL_WORD =
  /\b(?:emails?|e-mails?|emailed|mails?|mailed|calls?|called|phoned?|voicemails?|vms?|teams (?:chat|message)s?|chats?|texts?|sms|letters?|linkedin|inmails?|account team|ats|tam|csam|partner|in person|on-?site|messages?|messaged)\b/;
export const MANAGED_ACCOUNT =
  /\b(?:un-?managed|managed|no (?:ats|tam|csam|account team|account manager)|(?:has|have|with) an? (?:ats|tam|csam|account manager))\b/;

/** Scheduling verbs and meeting nouns: logistics belong in an Engagement Management note. */
export const SCHEDULING_VERB =
  /\b(?:schedul\w*|reschedul\w*|booked|book(?:ing)? a|invit\w*|set(?:ting)? up an? (?:call|meeting|session)|agenda|postpon\w*|pencil\w*|will meet|meeting (?:on|next|set)|call (?:on|next|set))\b/;
export const MEETING_NOUN =
  /\b(?:meetings?|calls?|sessions?|kick-?offs?|workshops?|syncs?|catch-?ups?|demos?|briefings?|invites?|touchpoints?|agenda)\b/;

/** Words that describe the phase of an In Progress deployment. */
export const PHASE_CUE =
  /\b(?:kick-?off|assess\w*|remediat\w*|enabl\w*|pilot\w*|migrat\w*|waves?|batch\w*|cut-?over|adopt\w*|configur\w*|hybrid|sync\w*|training|champions?|roll\w* ?out|rollout|deploy\w*|phase\w*|next|provision\w*|percent|live|onboard\w*|usage|poc|packag\w*|image|licen[cs]e assignment|assign\w*|install\w*|set ?up|moving|moved|first|then)\b|%/;

/** What would clear a blocker, or when it is expected to clear. */
export const UNBLOCK_CUE =
  /\b(?:until|once|when|after|pending|await\w*|waiting|expected|eta|by (?:q[1-4]|end|next|mid|early|late|\w+ \d|\d)|next (?:week|month|quarter|year|fy)|q[1-4]|clears?|resolv\w*|fix\w*|approv\w*|planned|scheduled|target\w*|funded|ordered|upgrade\w*|replac\w*|requested|raised|filed|escalat\w*|roadmap|release\w*|workaround|needs? to|must|will)\b/;

/** Mentions of the pandemic (rule 11: a COVID pause is not tagged, a COVID acceleration is). */
export const COVID_CUE = /\b(?:covid\w*|pandemic|lockdown\w*|corona\w*)\b/;

/** "Refusing FastTrack help" statements: not the same as having no intent for the service (rule 8). */
export const DECLINES_HELP =
  /\b(?:declin\w*|refus\w*|does ?n[o']t want|do ?n[o']t want|not interested in|no need for|without)\b[^.;]{0,40}\b(?:fasttrack|fast track|ftc|our help|microsoft(?:'s)? help|assistance|help|support)\b/;

/** Wording that makes a No Intent look temporary (the L1 means "will never deploy"). */
export const TEMPORARY_CUE =
  /\b(?:until (?:the|we|it|a|an|next|after)|for now|this (?:year|quarter|fy)|next (?:year|quarter|fy|planning)|revisit\w*|re-?evaluat\w*|once the|in the future|for the moment)\b/;

/** A note that recounts a meeting buries the intent in history (guidance: marginal). */
export const MEETING_NARRATIVE =
  /\b(?:met with|had (?:a|the|our)? ?(?:\w+ )?(?:call|meeting|session)|(?:long|weekly|monthly) (?:call|meeting|session)|walked us through|went through|talked (?:about|with|to))\b/;

/** Phrases that only point elsewhere or say nothing changed. */
export const EMPTY_PHRASES =
  /\b(?:see (?:previous|last|prior|earlier) (?:note|notes|update|email)|as before|no (?:change|changes|update|updates)|same as (?:before|last))\b/g;
