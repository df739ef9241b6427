import type { EscalationMessageKey } from "./escalation-messages-en.ts";
import type { Texts } from "./texts.ts";

/** The German rule escalation messages, key for key escalation-messages-en.ts. */
export const escalationMessagesDe: Texts<EscalationMessageKey> = {
  target_slipped:
    "Das Zieldatum von „Blockiert“ hat sich von {from} auf {to} verschoben, {days} Tage oder mehr nach dem ersten Zieldatum dieser Blockade.",
  blocked_too_long: "Seit mehr als {days} Tagen ohne Unterbrechung „Blockiert“.",
};
