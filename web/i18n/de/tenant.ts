import type { Translation } from "../catalogue.ts";
import type { tenant as english } from "../en/tenant.ts";

export const tenant: Translation<typeof english> = {
  loading: "Mandant wird geladen",
  missing: "Diesen Mandanten gibt es nicht",
  loadFailed: "Der Mandant konnte nicht geladen werden",
  back: "Zurück zum Portfolio",
  customer: "Kunde {{id}}",
  summary_one: "{{count}} Service · {{seats}} Lizenzen · {{blocked}} blockiert · Priorität {{priority}}",
  summary_other: "{{count}} Services · {{seats}} Lizenzen · {{blocked}} blockiert · Priorität {{priority}}",
  priority: { high: "hoch", medium: "mittel", low: "niedrig" },
  noServices: "Keine Services",
  noServicesBody: "Dieser Mandant hat noch keine Lizenzberechtigungen.",
  seats: "{{count, number}} Lizenzen",
  noStatus: "Noch kein Status erfasst.",
  edit: "Status bearbeiten",
  editOf: "Status bearbeiten: {{service}}",
  history: "Verlauf",
  historyOf: "Verlauf von {{service}}",
  owner: "Verantwortlich: {{owner}}",
  target: "Ziel {{date}}",
  next: "Nächster Schritt: {{action}}",
  nextOn: "Nächster Schritt: {{action}} ({{date}})",
  overdue: "überfällig",
  bar: "Lizenzen nach Status: {{parts}}",
  barNone: "nichts erfasst",
  barPart: "{{l1}}: {{seats}} Lizenzen",
};
