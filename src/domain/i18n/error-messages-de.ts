import type { ErrorMessageKey } from "./error-messages-en.ts";
import type { Texts } from "./texts.ts";

/** The German refusals, key for key error-messages-en.ts; addressed with "Sie". */
export const errorMessagesDe: Texts<ErrorMessageKey> = {
  title_400: "Ungültige Anfrage",
  title_401: "Anmeldung erforderlich",
  title_403: "Nicht erlaubt",
  title_404: "Nicht gefunden",
  title_405: "Methode nicht erlaubt",
  title_409: "Konflikt",
  title_413: "Anfrage zu groß",
  title_415: "Nicht unterstützter Medientyp",
  title_422: "Die Anfrage verstößt gegen eine Regel",
  title_429: "Zu viele Anfragen",
  title_500: "Interner Fehler",
  title_503: "Dienst nicht verfügbar",
  title_other: "Fehler",

  not_found: "Nicht gefunden.",
  no_entitlement: "Es gibt keine Lizenzberechtigung {id}.",
  no_tenant: "Es gibt keinen Mandanten {id}.",
  no_customer: "Es gibt keinen Kunden {id}.",
  no_user: "Es gibt keinen Benutzer {id}.",
  no_assignment: "Es gibt keine Zuweisung {id}.",
  no_token: "Es gibt kein Token {id}.",
  no_work_item: "Es gibt kein Arbeitspaket {id}.",
  no_escalation: "Es gibt keine Eskalation {id}.",
  no_webhook: "Es gibt keinen Webhook {id}.",
  no_job: "Es gibt keinen Job {id}.",
  no_portfolio_sync: "Es gibt keine Portfolio-Synchronisierung {id}.",
  no_saved_view: "Sie haben keine gespeicherte Ansicht {id}.",
  no_recheck: "Sie haben keinen offenen Eintrag {id} zum erneuten Prüfen.",

  entitlement_changed:
    "Die Lizenzberechtigung wurde inzwischen geändert (Version {current}, Sie haben Version {edited} bearbeitet). Prüfen Sie sie und wenden Sie Ihre Änderung erneut an.",
  entitlement_changed_by:
    "Die Lizenzberechtigung wurde am {when} von {name} geändert (Version {current}, Sie haben Version {edited} bearbeitet). Prüfen Sie sie und wenden Sie Ihre Änderung erneut an.",
  user_changed:
    "Der Benutzer wurde inzwischen von jemand anderem geändert (Version {current}, Sie haben Version {edited} bearbeitet). Laden Sie neu und wenden Sie Ihre Änderung erneut an.",
  work_item_changed:
    "Das Arbeitspaket wurde inzwischen von jemand anderem geändert (Version {current}, Sie haben Version {edited} bearbeitet). Prüfen Sie es und wenden Sie Ihre Änderung erneut an.",
  escalation_changed:
    "Die Eskalation wurde geändert, seit Sie sie gelesen haben (Sie hatten Version {edited}; jetzt ist es Version {current}, {state}).",

  escalation_open: "offen",
  escalation_acknowledged: "angenommen",
  escalation_resolved: "gelöst",
  escalation_declined: "abgelehnt",

  sign_in_first: "Melden Sie sich zuerst an.",
  sign_in_or_token:
    "Melden Sie sich zuerst an (POST /api/auth/login) oder senden Sie ein API-Token als Authorization: Bearer.",
  token_invalid: "Das API-Token ist ungültig: Es ist unbekannt, widerrufen oder abgelaufen.",
  csrf_failed:
    "Eine Änderung mit dem Anmelde-Cookie braucht das Token der Sitzung im Header {header} (aus /api/me).",
  internal_error: "Bei uns ist etwas schiefgegangen; die Änderung wurde nicht übernommen.",

  // Summaries of a refused form (each field's problem is in `errors`).
  view_not_saved: "Die Ansicht wurde nicht gespeichert.",
  user_not_created: "Der Benutzer kann nicht angelegt werden.",
  user_not_changed: "Der Benutzer kann nicht geändert werden.",
  user_not_stored: "Der Benutzer kann nicht gespeichert werden.",
  token_not_created: "Das Token kann nicht erstellt werden.",
  work_item_not_saved: "Das Arbeitspaket kann nicht gespeichert werden.",
  work_item_not_shipped: "Das Arbeitspaket kann nicht ausgeliefert werden.",
  webhook_not_saved: "Der Webhook wurde nicht gespeichert.",
  filter_invalid: "Der Filter ist ungültig.",
  password_wrong: "Das aktuelle Kennwort ist nicht richtig.",
  password_unusable: "Das neue Kennwort kann nicht verwendet werden.",
  import_failed_one: "Die Datei enthält 1 Fehler; es wurde nichts importiert.",
  import_failed_other: "Die Datei enthält {count} Fehler; es wurde nichts importiert.",
};
