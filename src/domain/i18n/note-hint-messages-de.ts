import type { NoteHintCode } from "./note-hint-messages-en.ts";
import type { Texts } from "./texts.ts";

/** The note linter's hints by code in German (the English source: note-hint-messages-en.ts). */
export const noteHintMessagesDe: Texts<NoteHintCode> = {
  note_empty: "Schreiben Sie die Notiz: ob der Kunde den Service nutzen will, und warum.",
  no_meaning:
    "Das liest sich wie Platzhalter- oder Tastaturtext: Schreiben Sie, ob der Kunde den Service nutzen will, und warum.",
  usage_only:
    "Eine Nutzungszahl ist keine Statusnotiz: Schreiben Sie, was der Kunde vorhat und warum die Nutzung so ist, wie sie ist.",
  status_only: "Nennen Sie den Grund, nicht nur den Status: was der Kunde vorhat und den Hauptgrund.",
  logistics_only:
    "Das ist Terminorganisation: Gehört in eine Notiz zum Engagement Management; nennen Sie hier die Absicht und ihren Grund.",
  logistics_mixed:
    "Verschieben Sie Besprechungs- und Anruftermine in eine Notiz zum Engagement Management; diese Notiz gilt Absicht und Grund.",
  too_long:
    "Bleiben Sie bei etwa zwei Sätzen, damit Absicht und Hauptgrund hervortreten; die Vorgeschichte gehört in eine andere Notizart.",
  hedge_word:
    "Ein vages Wort lässt offen, ob das Bestand hat: Beschreiben Sie die Lage klar, und das Datum oder die Bedingung, falls sie sich ändert.",
  invalid_reason_missing:
    "Sagen Sie, warum diese Lizenzen nicht echt sind: doppelt gezählt, Betrug, umgebuchte Lizenzen, ein Testmandant oder abweichende Berichte.",
  too_vague: "Werden Sie konkret: was der Kunde vorhat und der Hauptgrund.",
  intent_missing: "Nennen Sie den Status klar (blockiert, keine Nutzungsabsicht) und den Grund.",
  covid_tag_on_pause:
    "Eine COVID-Pause wird als Blockiert / IT-Änderungsmanagement und Ressourcen / COVID erfasst, ohne das Tag #covid.",
  unblock_condition_missing: "Sagen Sie, was die Blockade lösen würde oder wann sie gelöst sein sollte.",
  help_declined_is_not_no_intent:
    "Wer FastTrack-Hilfe ablehnt, hat nicht „Keine Nutzungsabsicht“: Stellt der Kunde selbst oder mit einem Partner bereit, erfassen Sie „In Arbeit“.",
  no_intent_temporary:
    "„Keine Nutzungsabsicht“ heißt, der Kunde stellt nie bereit: Hängt es von einem Ereignis ab, nennen Sie jetzt den Grund oder erwägen Sie „Blockiert“.",
  reason_missing: "Nennen Sie den Hauptgrund.",
  new_scope_missing:
    "Nennen Sie das neue Abonnement oder den neuen Workload mit unbekannter Nutzungsabsicht, und seit wann es ihn gibt.",
  attempts_missing: "Sagen Sie, wie viele Versuche es gab, nicht nur, dass der Kunde nicht antwortete.",
  channels_missing: "Sagen Sie, welche Kanäle versucht wurden: E-Mail, Telefon, das Account-Team.",
  account_type_missing: "Sagen Sie, ob der Account betreut oder nicht betreut ist.",
  phase_missing:
    "Sagen Sie, wo die Bereitstellung steht (Kickoff, Pilot, Migration, Einführung) und was als Nächstes kommt.",
  covid_tag_missing: "Kennzeichnen Sie eine durch COVID beschleunigte Einführung mit #covid.",
  reason_not_specific:
    "Sagen Sie es klar und konkret: was der Kunde vorhat, den einen Hauptgrund und was ihn ändern würde.",
};
