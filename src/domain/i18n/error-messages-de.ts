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
  value_not_a_date: "„{value}“ ist kein Datum im Format JJJJ-MM-TT.",
  value_not_a_service: "„{value}“ ist kein Service des Playbooks.",
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
  sso_not_configured: "Single Sign-on ist auf diesem Server nicht eingerichtet.",
  internal_error: "Bei uns ist etwas schiefgegangen; die Änderung wurde nicht übernommen.",

  // Summaries of a refused form (each field's problem is in `errors`).
  view_not_saved: "Die Ansicht wurde nicht gespeichert.",
  view_name_required: "Geben Sie der Ansicht einen Namen.",
  view_name_too_long: "Der Name einer Ansicht hat höchstens {max} Zeichen.",
  view_query_too_long: "Die Abfrage einer Ansicht hat höchstens {max} Zeichen.",
  view_too_many:
    "Sie haben {max} gespeicherte Ansichten, die meisten, die ein Benutzer behält: Löschen Sie zuerst eine.",
  user_not_created: "Der Benutzer kann nicht angelegt werden.",
  user_not_changed: "Der Benutzer kann nicht geändert werden.",
  user_not_stored: "Der Benutzer kann nicht gespeichert werden.",
  token_not_created: "Das Token kann nicht erstellt werden.",
  work_item_not_saved: "Das Arbeitspaket kann nicht gespeichert werden.",
  work_item_not_shipped: "Das Arbeitspaket kann nicht ausgeliefert werden.",
  work_item_title_required: "Geben Sie dem Arbeitselement einen Titel.",
  work_item_title_too_long: "Der Titel hat höchstens {max} Zeichen.",
  work_item_l3_not_for_service: "Die L3 „{l3}“ gilt für keinen der verknüpften Services.",
  work_item_url_invalid: "„{value}“ ist keine http- oder https-Adresse mit höchstens {max} Zeichen.",
  work_item_state_by_ship:
    "Markieren Sie ein Arbeitselement mit „Ausliefern“ als ausgeliefert (POST /api/work-items/:id/ship): Das benachrichtigt die Verantwortlichen der Lizenzen, die es freigibt.",
  work_item_state_invalid: "„{value}“ ist keiner von: proposed, planned, in_development.",
  work_item_state_after_shipped: "Das Arbeitselement ist ausgeliefert; sein Stand bleibt „ausgeliefert“.",
  work_item_l2_required: "Verknüpfen Sie das Arbeitselement mit einer L2 von „Blockiert“.",
  work_item_l2_unknown: "„{value}“ ist keine L2 von „Blockiert“ im Playbook.",
  work_item_l3_unknown: "„{value}“ ist keine L3 von „{l2}“ im Playbook.",
  webhook_not_saved: "Der Webhook wurde nicht gespeichert.",
  webhook_url_not_absolute: "Geben Sie eine absolute http- oder https-URL an.",
  webhook_url_not_http: "Webhooks werden nur über http oder https gesendet.",
  webhook_url_credentials:
    "Die URL enthält keinen Benutzernamen und kein Kennwort; Zustellungen werden stattdessen signiert.",
  webhook_url_private:
    "{host} ist eine Loopback- oder private Adresse; Webhooks gehen nur an öffentliche Adressen (UNBLOCK_WEBHOOK_ALLOW_PRIVATE=1 erlaubt sie).",
  filter_invalid: "Der Filter ist ungültig.",
  filter_limit_out_of_range: "Die Seitengröße muss eine ganze Zahl von 1 bis {max} sein.",
  filter_id_invalid: "„{value}“ ist keine gültige ID.",
  filter_percent_invalid: "„{value}“ ist kein Prozentwert: Geben Sie eine Zahl ab 0 an (z. B. 10 für 10 %).",
  filter_not_one_of: "„{value}“ ist keiner von: {allowed}.",
  password_wrong: "Das aktuelle Kennwort ist nicht richtig.",
  password_unusable: "Das neue Kennwort kann nicht verwendet werden.",
  import_failed_one: "Die Datei enthält 1 Fehler; es wurde nichts importiert.",
  import_failed_other: "Die Datei enthält {count} Fehler; es wurde nichts importiert.",
  // Admin refusals: the playbook's files, apply and diff.
  playbook_file_unknown: "Es gibt keine Playbook-Datei {file} zur Auswahl.",
  playbook_file_choose: "Wählen Sie eine der Dateien, die GET /api/playbook/files auflistet ({folder}).",
  playbook_invalid_summary: "Das Playbook {label} ist ungültig: {count} Problem(e).",
  playbook_invalid_first:
    "Das Playbook {label} ist ungültig: {count} Problem(e); das erste: {field} {message}",
  playbook_problem_at: "{message} (Zeile {line}, Spalte {column})",
  playbook_changed_since_preview:
    "Das verwendete Playbook hat sich seit der Vorschau geändert. Erstellen Sie die Vorschau erneut.",
  playbook_changed_since_preview_by:
    "Das verwendete Playbook hat sich seit der Vorschau geändert: {playbook} {version} wurde von {email} angewendet. Erstellen Sie die Vorschau erneut.",
  playbook_older:
    "{path} hat Version {version}, älter als die verwendete {current}: Geben Sie der neuen Datei eine höhere Version.",
  playbook_version_at_least: "muss {version} oder neuer sein",
  playbook_unmapped:
    "{path} würde gespeicherte Werte ohne Zuordnung lassen: {paths}. Legen Sie im Abschnitt changes: fest, wohin jeder gehört (docs/PLAYBOOK-VERSIONS.md).",
  playbook_orphan_one: "{path}: 1 Status ({seats} Lizenzen){more}",
  playbook_orphan_other: "{path}: {count} Status ({seats} Lizenzen){more}",
  playbook_orphan_work_items_one: ", 1 Arbeitspaket",
  playbook_orphan_work_items_other: ", {count} Arbeitspakete",
  playbook_orphan_moved: ", soll nach {to} verschoben werden, das das Playbook nicht definiert",
  playbook_statuses_kept_changing:
    "{count} Status haben sich während des Anwendens des Playbooks immer wieder geändert; die schon umgestellten Status bleiben umgestellt, und die alte Version bleibt in Gebrauch. Wenden Sie es erneut an, um es abzuschließen.",
  playbook_work_item_changed:
    "Ein Arbeitspaket hat sich während des Anwendens des Playbooks geändert; die schon umgestellten Status bleiben umgestellt, und die alte Version bleibt in Gebrauch. Wenden Sie es erneut an, um es abzuschließen.",

  // Admin refusals: users and their assignments.
  role_unknown:
    "Die Rolle „{role}“ ist keine, die das Playbook definiert, daher darf sie nichts tun. Bitten Sie einen Admin, Ihnen eine Rolle des Playbooks zu geben.",
  users_list_forbidden:
    "Nur Admins, Team Leads und FMs, die Benutzer zuweisen, dürfen sie auflisten. Fragen Sie einen Admin nach dem Benutzer, den Sie brauchen.",
  user_unknown_key: "Kein Benutzer hat die ID oder E-Mail-Adresse {key}.",
  user_unknown_field: "Diesen Benutzer gibt es nicht.",
  reassign_same_user: "Übertragen Sie an eine andere Person als die, die geht.",
  reassign_role_mismatch:
    "{from} ist {fromRole} und {to} ist {toRole}: Arbeit wechselt nur zwischen Personen derselben Rolle.",
  reassign_conflict:
    "Eine Lizenzberechtigung hat sich geändert, während ihre Verantwortlichen übertragen wurden; es wurde nichts übertragen. Versuchen Sie es erneut.",
  email_taken: "Es gibt bereits einen Benutzer mit der E-Mail-Adresse {email}.",
  email_taken_field: "Diese E-Mail-Adresse gehört einem anderen Benutzer.",
  assign_target: "Weisen Sie einem Mandanten oder einem Kunden zu, nicht beiden und nicht keinem.",
  assign_target_field: "Nennen Sie genau eines von tenantId und customerId.",
  role_not_assignable: "{name} liest Berichte nur zusammengefasst und wird nie Mandanten zugewiesen.",
  role_not_assignable_field: "Diese Rolle liest nur zusammengefasste Zahlen.",
  last_admin: "Das ist der letzte aktive Admin; machen Sie zuerst einen anderen Benutzer zum Admin.",
  last_admin_field: "Mindestens ein aktiver Admin muss bleiben.",
  version_required:
    "Geben Sie an, welche Version Sie bearbeitet haben: ein Feld version oder ein If-Match-Header.",
  version_required_field: "Die Version, die Sie gelesen haben, ist erforderlich.",

  // Admin refusals: jobs, the audit trail, webhooks, the feed, backups.
  job_state_unknown: "Es gibt keinen Job-Zustand „{state}“.",
  job_state_use: "Verwenden Sie einen von {states}.",
  job_not_failed: "Job {id} ist {state}; nur ein fehlgeschlagener Job wird erneut ausgeführt.",
  state_queued: "in der Warteschlange",
  state_running: "in Ausführung",
  state_done: "erledigt",
  state_failed: "fehlgeschlagen",
  date_invalid: "{field} ist kein Datum und keine Uhrzeit.",
  date_invalid_field: "„{value}“ ist kein ISO-Datum und keine ISO-Uhrzeit.",
  cursor_invalid: "Der Cursor stammt nicht aus dieser Liste.",
  cursor_invalid_field: "Verwenden Sie den nextCursor der vorigen Seite.",
  cursor_not_issued: "Der Cursor stammt nicht von diesem Dienst.",
  cursor_other_listing:
    "Der Cursor gehört zu einer anderen Liste oder Sortierung; beginnen Sie ohne ihn von vorn.",
  cursor_damaged: "Der Cursor ist beschädigt.",
  time_zone_unknown: "„{zone}“ ist keine Zeitzone, die dieser Server kennt.",
  time_zone_unknown_field: "muss ein IANA-Zeitzonenname sein, etwa Europe/Berlin oder America/New_York",
  unsubscribe_invalid: "Dieser Abmeldelink ist ungültig: Er wurde verändert oder gekürzt.",
  unsubscribe_invalid_field: "muss das ganze Token des Links einer Unblock-Mail sein",
  unsubscribe_gone: "Die Person, für die dieser Link war, gibt es nicht mehr.",
  no_delivery: "Webhook {webhook} hat keine Zustellung {delivery}.",
  delivery_pending: "Zustellung {delivery} wird noch gesendet; warten Sie ihr Ergebnis ab.",
  sync_running:
    "Synchronisierung {id} ist {state}: Es läuft immer nur eine. Warten Sie, bis sie endet, und laden Sie dann erneut hoch.",
  sync_uploading:
    "Eine Synchronisierung wird gerade hochgeladen: Es läuft immer nur eine. Warten Sie, bis sie endet, und laden Sie dann erneut hoch.",
  restore_not_backup: "{file} ist keine Unblock-Sicherung (unblock backup schreibt eine).",
  restore_newer:
    "Die Sicherung stammt von einem neueren Unblock (Schema {schema}, dieses kennt {known}): Stellen Sie sie mit dieser oder einer neueren Version wieder her.",
  restore_not_empty: "Die Datenbank ist nicht leer: Stellen Sie in eine neue, leere Datenbank wieder her.",
  restore_truncated:
    "{file} endet zu früh: Es ist keine vollständige Sicherung. Es wurde nichts wiederhergestellt.",

  // Refusals of a feed upload (the Admin's feed page).
  field_refusal: "{field}: {message}",
  feed_multipart: "Senden Sie die Feed-Dateien als multipart/form-data.",
  feed_field_unknown: "Unbekanntes Feld; die Optionen sind {options}.",
  feed_files_required: "Laden Sie mindestens eine Feed-Datei hoch: {names} (.csv oder .jsonl).",
  feed_file_name_unknown:
    "„{file}“ ist keine Feed-Datei: Benennen Sie jede Datei customers, tenants, entitlements, people oder usage, mit .csv oder .jsonl.",
  feed_file_duplicate: "{file} liefert {name} erneut (nach {earlier}): Senden Sie sie nur einmal.",
  feed_file_empty: "{file} ist leer.",
  boolean_invalid: "Geben Sie true oder false an.",
  feed_file_too_large_mib: "{file} ist größer als {size} MiB, die Höchstgröße einer Feed-Datei.",
  feed_file_too_large_bytes: "{file} ist größer als {size} Byte, die Höchstgröße einer Feed-Datei.",
  feed_parts_too_many: "Zu viele Teile: Senden Sie höchstens die fünf Feed-Dateien und vier Optionen.",

  // The owner of a status's seats (docs/OWNERS.md).
  owner_refused: "Diese Verantwortung kann den Lizenzen nicht gegeben werden: {problems}",
  owner_team_unknown: "„{role}“ ist kein Team des Playbooks, das verantwortlich sein kann.",
  owner_unknown: "Es gibt keinen Benutzer {id}.",
  owner_not_assigned:
    "{name} ist diesem Mandanten und seinem Kunden nicht zugewiesen und kann deshalb nicht für seine Lizenzen verantwortlich sein; wählen Sie ein Team oder eine zugewiesene Person.",
};
