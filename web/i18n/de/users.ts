import type { Translation } from "../catalogue.ts";
import type { users as english } from "../en/users.ts";

export const users: Translation<typeof english> = {
  checking: "Anmeldung wird geprüft",
  unreachable: "Der Server ist nicht erreichbar",
  signIn: {
    title: "Bei Unblock anmelden",
    email: "E-Mail",
    password: "Kennwort",
    submit: "Anmelden",
    notSignedIn: "Nicht angemeldet",
    with: "Mit {{provider}} anmelden",
    orPassword: "oder mit Ihrem Kennwort",
    refusals: {
      oidc_unknown_user:
        "Ihr Anmeldedienst hat eine E-Mail-Adresse bestätigt, zu der es kein Unblock-Konto gibt. Bitten Sie einen Admin, Sie mit dieser Adresse anzulegen, und versuchen Sie es dann erneut.",
      oidc_disabled: "Ihr Unblock-Konto ist deaktiviert. Bitten Sie einen Admin, es zu aktivieren.",
      oidc_email_unverified:
        "Ihr Anmeldedienst hat Ihre E-Mail-Adresse nicht bestätigt; Unblock kann Sie damit nicht anmelden.",
      oidc_no_email:
        "Ihr Anmeldedienst hat keine E-Mail-Adresse übermittelt; Unblock kann nicht erkennen, wer Sie sind.",
      oidc_cancelled: "Die Anmeldung wurde bei Ihrem Anmeldedienst abgebrochen.",
      oidc_unavailable:
        "Der Anmeldedienst war nicht erreichbar. Versuchen Sie es gleich noch einmal oder melden Sie sich mit Ihrem Kennwort an.",
      oidc_failed:
        "Die einmalige Anmeldung wurde nicht abgeschlossen: Sie hat zu lange gedauert, wurde in einem anderen Tab begonnen oder die Antwort passte nicht. Versuchen Sie es erneut.",
    },
  },
  menu: {
    label: "{{name}}: Kontomenü",
    notifications: "Benachrichtigungen…",
    language: "Sprache…",
    signOut: "Abmelden",
  },
  language: {
    title: "Sprache",
    label: "Die Sprache, in der Unblock mit Ihnen spricht",
    help: "Die App, die Texte des Playbooks und die Meldungen der Regeln. Datum und Zahlen richten sich ebenfalls danach.",
    browser: "Wie im Browser ({{language}})",
    names: { en: "English", de: "Deutsch" },
  },
  notifications: {
    title: "Benachrichtigungen",
    timeZone: "Zeitzone",
    timeZoneHelp:
      "Die Übersicht kommt um 07:00 Uhr nach dieser Uhr; „heute“ in „Meine Arbeit“ richtet sich nach diesem Kalender.",
    browserZone: " Dieser Browser ist in {{zone}}.",
    digest: "Übersicht per E-Mail",
    digestHelp:
      "Ihre überfälligen nächsten Schritte, die in dieser Woche fälligen und blockierte Status nach ihrem Zieldatum. An Tagen ohne Neuigkeiten wird nichts verschickt.",
    daily: "Täglich",
    weekly: "Wöchentlich (montags)",
    off: "Aus",
    noticeMail: "Sofortige Benachrichtigungen per E-Mail",
    noticeMailHelp: "Im Posteingang (die Glocke) stehen sie in jedem Fall.",
  },
};
