import type { Translation } from "../catalogue.ts";
import type { quality as english } from "../en/quality.ts";

export const quality: Translation<typeof english> = {
  title: "Datenqualität",
  intro:
    "Verstrichene Termine, dünne Notizen, Aufteilungen und Verantwortliche zum Korrigieren. Was korrigiert ist, verschwindet aus der Liste.",
  loading: "Einträge zur Datenqualität werden geladen",
  loadFailed: "Die Einträge zur Datenqualität konnten nicht geladen werden",
  nothing: "Hier gibt es nichts zu korrigieren",
  nothingBody: "Kein Eintrag passt zu diesen Filtern.",
  pages: "Seiten der Einträge",
  table: "Einträge zur Datenqualität",
  columns: {
    rule: "Regel",
    customer: "Kunde / Mandant",
    service: "Service",
    owner: "Verantwortlich",
    todo: "Was zu tun ist",
  },
  editOf: "Status von {{service}} bearbeiten",
  segment: "{{l1}} · {{seats}} Lizenzen",
  filters: {
    rule: "Regel",
    allRules: "Alle Regeln",
    whose: "Zuständig",
    team: "Verantwortliches Team",
    anyTeam: "Alle Teams",
  },
  allRulesCount: "Alle Regeln ({{count}})",
  ruleCount: "{{rule}} ({{count}})",
  mine: "Meine",
  everyone: "Alle",
  chosen: "Gewählte Person",
  team: "{{team}} (Team)",
  noOwner: "Ohne Verantwortung",
  summary: {
    mine: "{{count, number}} Einträge bei Ihnen.",
    all: "{{count, number}} Einträge in Ihrem Bereich.",
    person: "{{count, number}} Einträge dieser Person.",
    today: " Daten in UTC; heute ist der {{today}}.",
    pending: " Die Notizen von {{count, number}} Status werden noch geprüft.",
  },
};
