import type { Translation } from "../catalogue.ts";
import type { people as english } from "../en/people.ts";

export const people: Translation<typeof english> = {
  title: "Personen",
  intro:
    "Wenn jemand das Team verlässt, übertragen Sie seine Kunden und Mandanten und die Status, die er dort verantwortet, auf eine andere Person derselben Rolle. Dasselbe leistet",
  columns: { name: "Name", email: "E-Mail", role: "Rolle" },
  reassign: "Übertragen…",
  dialog: "Arbeit von {{name}} übertragen",
  moveTo: "Übertragen an",
  sameRole: "Eine Person derselben Rolle",
  nobody: "Niemand sonst hat diese Rolle",
  nothing: "{{name}} ist nichts zugewiesen.",
  assignments: "Kunden und Mandanten",
  customer: "Kunde {{name}}",
  tenant: "Mandant {{name}}",
  primary: " (primär)",
  merged: " ({{name}} ist bereits zugewiesen)",
  preview: "Vorschau",
  previewBody:
    "{{assignments}} Zuweisung(en) und {{segments}} verantwortete Statussegment(e) gehen von {{from}} an {{to}}; jede Änderung wird protokolliert.",
  more: "und {{count}} weitere",
  cancel: "Abbrechen",
  apply: "Übernehmen",
};
