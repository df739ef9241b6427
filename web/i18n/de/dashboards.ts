import type { Translation } from "../catalogue.ts";
import type { dashboards as english } from "../en/dashboards.ts";

export const dashboards: Translation<typeof english> = {
  title: "Dashboards",
  intro: "Blockierte Lizenzen im gesamten Portfolio (ohne „Doppelt/Ungültig“).",
  introLinks: " Klicken Sie auf einen Balken, um diese Lizenzberechtigungen zu öffnen.",
  introTotals: " Nur Summen: Gruppen mit weniger als 5 Mandanten sind ausgelassen.",
  whatChanged: "Was sich geändert hat",
  whose: "Wessen Portfolio",
  everything: "Alles, was ich sehen darf",
  mine: "Mein Portfolio",
  service: "Service",
  allServices: "Alle Services",
  asOfWhat: "Jedes Diagramm zeigt das Portfolio",
  card: {
    loading: "{{title}} wird geladen",
    unavailable: "Dieser Bericht ist auf diesem Server noch nicht verfügbar.",
    failed: "Der Bericht konnte nicht geladen werden.",
    empty: "Nichts anzuzeigen: In diesem Bereich sind keine Lizenzen blockiert.",
    suppressed_one:
      "{{count}} kleine Gruppe (weniger als 5 Mandanten) ausgelassen, damit kein einzelner Kunde erkennbar wird.",
    suppressed_other:
      "{{count}} kleine Gruppen (weniger als 5 Mandanten) ausgelassen, damit kein einzelner Kunde erkennbar wird.",
    numbers: "Zahlen anzeigen",
    data: "{{title}}: Daten",
    portfolio: "Portfolio",
    open: "Öffnen",
  },
  columns: {
    l2: "L2-Grund",
    l3: "L3-Grund",
    service: "Service",
    seats: "Lizenzen",
    tenants: "Mandanten",
    share: "Anteil",
    daysBlocked: "Tage blockiert",
    week: "Woche",
    starts: "Beginnt",
    weekOf: "Woche vom",
    blockedSeats: "Blockierte Lizenzen",
  },
  blockedSeats: "Blockierte Lizenzen",
  byL2: {
    title: "Blockierte Lizenzen nach L2-Grund und Service",
    description: "Gestapelt nach L2-Grund; die Services mit den meisten blockierten Lizenzen.",
  },
  byL3: {
    title: "Die häufigsten L3-Blocker nach Lizenzen",
    description: "Die zehn L3-Gründe mit den meisten blockierten Lizenzen.",
    noL3: "{{l2}} (ohne L3)",
  },
  aging: { title: "Alter der blockierten Lizenzen", description: "Tage, seit die Lizenzen blockiert sind." },
  projected: {
    title: "Voraussichtlich gelöste Blockaden pro Woche",
    description:
      "Blockierte Lizenzen nach der Woche ihres voraussichtlichen Lösungsdatums; vergangene Wochen sind verstrichen.",
    slipped: " (verstrichen)",
    ahead: "Geplant",
    slippedSeries: "Verstrichen (Woche vorbei)",
  },
  overTime: {
    title: "Blockierte Lizenzen im Zeitverlauf",
    description:
      "Blockierte Lizenzen am Ende jeder Woche des vergangenen Jahres, aus dem Statusverlauf ermittelt.",
  },
  overTimeByL2: {
    title: "Blockierte Lizenzen im Zeitverlauf nach L2-Grund",
    description:
      "Blockierte Lizenzen am Ende jeder Woche des vergangenen Jahres, gestapelt nach L2-Grund, aus dem Statusverlauf ermittelt.",
  },
  legend: "L2-Gründe (Legende, mit Links ins Playbook)",
  noL2: "Ohne L2",
  overdue: {
    title: "Überfällige nächste Schritte",
    description: "Bereits verstrichene Termine für den nächsten Schritt, die ältesten zuerst.",
    none: "Keine überfälligen nächsten Schritte.",
    due: "Fällig",
    tenant: "Mandant",
    service: "Service",
    action: "Nächster Schritt",
    days: "{{date}} ({{count}} Tage)",
    all: "Alle überfälligen Lizenzberechtigungen im Portfolio",
  },
  recent: {
    title: "Letzte Änderungen",
    description: "Statusänderungen, die neuesten zuerst: wer was wann geändert hat.",
    none: "Noch keine Statusänderungen.",
    noStatus: "kein Status",
    stage: "{{text}}; Phase {{from}} → {{to}}",
  },
  quality: {
    title: "Datenqualität",
    description: "Zu korrigierende Einträge in den erfassten Status, nach Regel und nach Verantwortung.",
    byRule: "Einträge zur Datenqualität nach Regel",
    byOwner: "Einträge zur Datenqualität nach Verantwortung",
    rule: "Regel",
    owner: "Verantwortlich",
    items: "Einträge",
    moreOwners: "{{count, number}} weitere Verantwortliche auf der Seite",
    page: "Datenqualität",
  },
};
