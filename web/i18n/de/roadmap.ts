import type { Translation } from "../catalogue.ts";
import type { roadmap as english } from "../en/roadmap.ts";

export const roadmap: Translation<typeof english> = {
  title: "Roadmap",
  intro:
    "Arbeitspakete der Produktgruppe und die blockierten Lizenzen, die jedes freigeben würde. Die Zahlen umfassen die Mandanten, die Sie summieren dürfen; Zahlen unter 5 Mandanten werden der Produktgruppe nicht angezeigt.",
  add: "Arbeitspaket hinzufügen",
  loading: "Roadmap wird geladen",
  loadFailed: "Die Roadmap konnte nicht geladen werden",
  none: "Noch keine Arbeitspakete.",
  states: {
    proposed: "Vorgeschlagen",
    planned: "Geplant",
    in_development: "In Entwicklung",
    shipped: "Ausgeliefert",
  },
  table: "Arbeitspakete",
  columns: {
    item: "Arbeitspaket",
    state: "Stand",
    reason: "Grund der Blockade",
    date: "Datum",
    seats: "Lizenzen",
  },
  allServices: "Alle Services",
  shipped: "Ausgeliefert am {{date}}",
  expected: "Erwartet am {{date}}",
  edit: "Bearbeiten",
  markShipped: "Als ausgeliefert markieren",
  confirm: "„{{title}}“ als ausgeliefert markieren?",
  confirmBody:
    "Die Verantwortlichen jeder dafür blockierten Lizenzberechtigung erhalten in „Meine Arbeit“ einen Eintrag „Erneut prüfen: die Lösung ist ausgeliefert“ und eine Benachrichtigung. Das geschieht nur einmal.",
  cancel: "Abbrechen",
  withheld: "Zurückgehalten: weniger als 5 Mandanten",
  seatsAt_one: "{{seats}} Lizenzen bei {{count, number}} Mandanten",
  seatsAt_other: "{{seats}} Lizenzen bei {{count, number}} Mandanten",
  stillBlocked: "Noch blockiert: {{count}}",
  unblocks: "Die Auslieferung gibt frei: {{count}}",
  shippedAlready: "„{{title}}“ war bereits ausgeliefert; es wurde nichts erneut getan.",
  shipOutcome:
    "„{{title}}“ am {{date}} ausgeliefert: {{entitlements}} blockierte Lizenzberechtigungen verknüpft, {{rechecks}} Einträge zum erneuten Prüfen für {{people}} Personen, die benachrichtigt wurden.",
  unowned: " {{count}} hatten niemanden, der benachrichtigt werden konnte.",
  form: {
    editTitle: "Arbeitspaket bearbeiten",
    addTitle: "Arbeitspaket hinzufügen",
    save: "Speichern",
    add: "Hinzufügen",
    title: "Titel",
    link: "Link im Tracker",
    state: "Stand",
    stays: "Ausgeliefert; das bleibt so.",
    expected: "Erwartetes Datum",
    l2: "Grund der Blockade (L2)",
    chooseL2: "L2-Grund wählen, den es freigibt",
    l3: "Untergrund (L3)",
    l3Help: "Ohne Auswahl wird jede wegen des L2-Grunds blockierte Lizenz verknüpft.",
    none: "Keiner",
    services: "Services",
    servicesHelp: "Leer lassen, um jeden Service zu verknüpfen.",
    changed: "Von jemand anderem geändert",
    again: "Mit deren Version neu beginnen",
  },
  report: {
    title: "Nach der Auslieferung: freigegebene Lizenzen innerhalb von 90 Tagen",
    intro:
      "Lizenzen, die mit dem Grund des Arbeitspakets (auf seinen Services) zwischen dem Tag der Auslieferung und 90 Tage danach nicht mehr blockiert waren, aus dem Statusverlauf gezählt.",
    none: "Noch ist nichts ausgeliefert.",
    columns: {
      shipped: "Ausgeliefert",
      item: "Arbeitspaket",
      window: "Zeitraum",
      seats: "Freigegebene Lizenzen",
    },
    to: "bis {{date}}",
    soFar: "bisher (bis {{date}})",
    suppressed_one:
      "{{count}} Zahl unter 5 Mandanten zurückgehalten, damit kein einzelner Kunde erkennbar wird.",
    suppressed_other:
      "{{count}} Zahlen unter 5 Mandanten zurückgehalten, damit kein einzelner Kunde erkennbar wird.",
  },
};
