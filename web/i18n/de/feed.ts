import type { Translation } from "../catalogue.ts";
import type { feed as english } from "../en/feed.ts";

export const feed: Translation<typeof english> = {
  title: "Portfolio-Feed",
  intro:
    "Das Portfolio kommt aus dem Lizenzsystem als bis zu fünf Dateien. „Vorschau“ zeigt, was eine Synchronisierung ändern würde, ohne etwas zu schreiben; „Übernehmen“ führt sie aus. Dieselbe Synchronisierung läuft auf der Befehlszeile als",
  openPortfolio: "Portfolio öffnen",
  loading: "Portfolio wird geladen",
  welcome: "Willkommen: Das Portfolio ist leer",
  welcomeWhat:
    "Unblock verfolgt den Status der lizenzierten Services jedes Kundenmandanten. Das Portfolio (Kunden, ihre Mandanten, die Services, auf die jeder Anspruch hat, die Personen, die daran arbeiten, und wie viele Lizenzen genutzt werden) kommt aus Ihrem Lizenzsystem als bis zu fünf Dateien, als CSV oder JSON Lines:",
  welcomeHow:
    "Laden Sie sie unten hoch: „Vorschau“ zeigt, was hinzukäme, sich änderte oder abgelehnt würde, ohne etwas zu schreiben, und „Übernehmen“ lädt sie. Synchronisieren Sie erneut, wann immer sich der Export ändert (hier, auf der Seite „Portfolio-Feed“ oder über die Befehlszeile); unveränderte Zeilen bleiben, wie sie sind.",
  examples: "Beispieldateien",
  examplesIntro: "Beispieldateien zum Start:",
  options: {
    full: "Vollständige Synchronisierung",
    fullHelp:
      "Die Dateien sind das ganze Portfolio: Kunden, Mandanten und Lizenzberechtigungen, die keine Datei mehr nennt, werden beendet (mit ihrem Verlauf aufbewahrt, aber außerhalb der Listen und Berichte).",
    partial: "Gültige Zeilen übernehmen",
    partialHelp:
      "Ohne diese Option lässt eine abgelehnte Zeile die ganze Synchronisierung scheitern, und nichts wird geschrieben; mit ihr werden die gültigen Zeilen übernommen und die abgelehnten gemeldet.",
    allowMassEnd: "Massenhaftes Beenden erlauben",
    allowMassEndHelp:
      "Eine vollständige Synchronisierung, die mehr als 5 % der laufenden Mandanten oder Lizenzberechtigungen beenden würde, wird abgelehnt, falls der Export unvollständig war; setzen Sie das Häkchen, wenn das Portfolio wirklich geschrumpft ist.",
  },
  progress: {
    failed: "Die {{what}} ist fehlgeschlagen",
    read: "Lese {{file}}: {{rows}} Zeilen",
    applied: "Übernommen aus {{file}}: {{rows}} Zeilen",
    running: "{{what}} läuft…",
    uploading: "Dateien für die {{what}} werden hochgeladen…",
    preview: "Vorschau",
    sync: "Synchronisierung",
  },
  preview: "Vorschau",
  apply: "Übernehmen",
  startAgain: "Neu beginnen",
  previewTitle: "Vorschau: was die Synchronisierung tun wird (noch wird nichts geschrieben)",
  applied: "Übernommen",
  notApplied: "Nicht übernommen",
  appliedBody: "Das Portfolio enthält jetzt, was die Dateien sagen.",
  didTitle: "Was die Synchronisierung getan hat",
  refusedUpload: "Der Upload wurde abgelehnt",
  picker: {
    choose: "Dateien auswählen",
    drop: "oder hier ablegen: customers, tenants, entitlements, people, usage (.csv oder .jsonl), in beliebiger Auswahl.",
    chosen: "Ausgewählte Dateien",
    bytes: "{{count, number}} Byte",
    remove: "{{name}} entfernen",
    unknown:
      "Kein Dateiname des Feeds: {{names}}. Benennen Sie jede Datei nach ihrem Inhalt (tenants.csv, ...).",
  },
  history: {
    title: "Letzte Synchronisierungen",
    none: "Noch keine Synchronisierung.",
    columns: { when: "Wann", by: "Von", how: "Wie", state: "Stand", outcome: "Ergebnis" },
    states: { queued: "wartend", running: "läuft", done: "fertig", failed: "fehlgeschlagen" },
    dryRun: "Probelauf",
    sync: "Synchronisierung",
    full: "vollständig",
    partial: "teilweise",
    massEnd: "massenhaftes Beenden erlaubt",
    failed: "fehlgeschlagen",
    counts: "{{added}} hinzugefügt, {{changed}} geändert, {{ended}} beendet",
    refused: "; {{count, number}} Zeilen abgelehnt",
    wouldBe: "wäre: {{counts}}",
    notApplied: "nicht übernommen: {{reason}}",
  },
  report: {
    nothing: "Es würde nichts geschrieben",
    counts: "Anzahl je Datei",
    file: "Datei",
    names: { added: "Hinzugefügt", changed: "Geändert", unchanged: "Unverändert", ended: "Beendet" },
    files: {
      customers: "Kunden",
      tenants: "Mandanten",
      entitlements: "Lizenzberechtigungen",
      people: "Personen",
      usage: "Nutzung",
    },
    noneRefused: "Keine Zeile wurde abgelehnt.",
    refused_one: "{{count, number}} abgelehnte Zeile",
    refused_other: "{{count, number}} abgelehnte Zeilen",
    firstShown: " (die ersten {{count}} angezeigt)",
    refusedRows: "Abgelehnte Zeilen",
    columns: { file: "Datei", row: "Zeile", column: "Spalte", code: "Code", message: "Meldung" },
  },
};
