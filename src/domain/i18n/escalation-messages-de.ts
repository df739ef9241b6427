import type { EscalationMessageKey } from "./escalation-messages-en.ts";
import type { Texts } from "./texts.ts";

/** The German escalation sentences, key for key escalation-messages-en.ts; addressed with "Sie". */
export const escalationMessagesDe: Texts<EscalationMessageKey> = {
  target_slipped:
    "Das Zieldatum der Blockade wurde vom {from} auf den {to} verschoben: {days} Tage oder mehr nach dem ersten Zieldatum dieser Blockadephase.",
  blocked_too_long: "Seit mehr als {days} Tagen ohne Unterbrechung blockiert.",

  still_waiting:
    "Eine Eskalation dieser Lizenzberechtigung an {group} wartet noch; kommentieren Sie sie, statt eine weitere zu eröffnen.",
  not_group_member:
    "Nur die Mitglieder der Resolver-Gruppe „{group}“ (und Admins) nehmen ihre Eskalationen an, lösen sie oder lehnen sie ab; Sie gehören nicht dazu. Kommentieren Sie stattdessen, oder bitten Sie einen Admin, Sie zu „{group}“ hinzuzufügen.",
  cannot_acknowledge: "Eine Eskalation im Stand „{state}“ kann nicht angenommen werden.",
  cannot_resolve: "Eine Eskalation im Stand „{state}“ kann nicht gelöst werden.",
  cannot_decline: "Eine Eskalation im Stand „{state}“ kann nicht abgelehnt werden.",
  state_closed: "geschlossen",
  decline_reason_required: "Sagen Sie, warum die Gruppe ablehnt: Der Grund ist erforderlich.",
  no_resolver:
    "Der Status dieser Lizenzberechtigung nennt keinen L2-Grund, also gibt es keine Resolver-Gruppe, an die eskaliert werden kann. Erfassen Sie zuerst den L2-Grund.",
  l2_not_on_entitlement: "Der L2-Grund „{l2}“ gehört zu keinem Segment dieser Lizenzberechtigung.",
  l2_unknown: "Den L2-Grund „{l2}“ gibt es im aktiven Playbook nicht.",
  group_unknown: "Es gibt keine Resolver-Gruppe „{group}“: Die L2-Gründe des Playbooks nennen die Gruppen.",
  user_unknown: "Es gibt keinen Benutzer „{user}“.",
};
