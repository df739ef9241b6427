import { digestMessagesDe } from "./digest-messages-de.ts";
import { digestMessagesEn } from "./digest-messages-en.ts";
import { errorMessagesDe } from "./error-messages-de.ts";
import { errorMessagesEn } from "./error-messages-en.ts";
import { escalationMessagesDe } from "./escalation-messages-de.ts";
import { escalationMessagesEn } from "./escalation-messages-en.ts";
import { feedMessagesDe } from "./feed-messages-de.ts";
import { feedMessagesEn } from "./feed-messages-en.ts";
import { labelMessagesDe } from "./label-messages-de.ts";
import { labelMessagesEn } from "./label-messages-en.ts";
import { noticeMessagesDe } from "./notice-messages-de.ts";
import { noticeMessagesEn } from "./notice-messages-en.ts";
import { playbookProblemMessagesDe } from "./playbook-problem-messages-de.ts";
import { playbookProblemMessagesEn } from "./playbook-problem-messages-en.ts";
import { sayerOf } from "./texts.ts";

/**
 * The sentences the server writes for a person outside the rules and the
 * policy, one catalogue pair per area (docs/I18N.md). A new language adds
 * its catalogue to each.
 */
export const noticeText = sayerOf({ en: noticeMessagesEn, de: noticeMessagesDe });
export const digestText = sayerOf({ en: digestMessagesEn, de: digestMessagesDe });
export const errorText = sayerOf({ en: errorMessagesEn, de: errorMessagesDe });
export const feedText = sayerOf({ en: feedMessagesEn, de: feedMessagesDe });
export const labelText = sayerOf({ en: labelMessagesEn, de: labelMessagesDe });
export const escalationText = sayerOf({ en: escalationMessagesEn, de: escalationMessagesDe });
export const playbookProblemText = sayerOf({ en: playbookProblemMessagesEn, de: playbookProblemMessagesDe });

/** Every catalogue pair, for the completeness test. */
export const serverCatalogues = {
  notices: { en: noticeMessagesEn, de: noticeMessagesDe },
  digest: { en: digestMessagesEn, de: digestMessagesDe },
  errors: { en: errorMessagesEn, de: errorMessagesDe },
  labels: { en: labelMessagesEn, de: labelMessagesDe },
  feed: { en: feedMessagesEn, de: feedMessagesDe },
  escalations: { en: escalationMessagesEn, de: escalationMessagesDe },
  playbookProblems: { en: playbookProblemMessagesEn, de: playbookProblemMessagesDe },
} as const;
