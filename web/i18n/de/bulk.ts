import type { Translation } from "../catalogue.ts";
import type { bulk as english } from "../en/bulk.ts";

export const bulk: Translation<typeof english> = {
  title: "Sammeländerung",
  intro_one:
    "{{count, number}} ausgewählte Lizenzberechtigung. Jede Zeile wird vor dem Senden mit den Regeln des Playbooks geprüft; abgelehnte Zeilen werden mit dem Grund aufgeführt.",
  intro_other:
    "{{count, number}} ausgewählte Lizenzberechtigungen. Jede Zeile wird vor dem Senden mit den Regeln des Playbooks geprüft; abgelehnte Zeilen werden mit dem Grund aufgeführt.",
  what: "Was geändert wird",
  setStatus: "Status setzen",
  reassign: "Verantwortung neu zuweisen",
  newOwner: "Neue Verantwortung",
  newOwnerHelp: "Wird in jedem Segment gesetzt, dessen Situation eine Verantwortung vorsieht.",
  notSent: "Nicht gesendet",
  fillIn: "Geben Sie die Änderung ein, um die Zeilen zu prüfen.",
  readyRefused: "{{ready}} bereit, {{refused}} von den Regeln abgelehnt.",
  rows_one: "{{count, number}} Zeile",
  rows_other: "{{count, number}} Zeilen",
  cancel: "Abbrechen",
  applyTo: "Auf {{rows}} anwenden",
  stage: "Phase",
  keepsOwn: "Jede Zeile behält ihren bisherigen Wert",
  allSeats: "Jede ausgewählte Zeile erhält diesen Status für alle ihre Lizenzen.",
  plan: "Zeilen und was die Regeln sagen",
  columns: { customer: "Kunde / Mandant", service: "Service", check: "Prüfung" },
  ready: "Bereit",
  noStatus: "Kein Status, dessen Verantwortung neu zugewiesen werden könnte.",
  ownerSet: "Verantwortung auf {{owner}} gesetzt.",
  statusSet: "Status auf {{path}} in der Phase {{stage}} gesetzt.",
  done: "Sammeländerung abgeschlossen",
  doneBody: "{{change}} {{changed}} geändert{{unchanged}}, {{refused}} abgelehnt.",
  alreadySaid: ", {{rows}} hatten das schon",
  changed: "Geändert",
  refused: "Abgelehnt",
  refusedWord: "abgelehnt",
  close: "Schließen",
};
