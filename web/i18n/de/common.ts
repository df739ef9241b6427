import type { Translation } from "../catalogue.ts";
import type { common as english } from "../en/common.ts";

export const common: Translation<typeof english> = {
  stage: { assignment: "Zuweisung", delivery: "Umsetzung" },
  seats_one: "{{count, number}} Lizenz",
  seats_other: "{{count, number}} Lizenzen",
  none: "—",
  loading: "Wird geladen…",
  notFound: "Seite nicht gefunden",
  notFoundBody: "Unter {{path}} gibt es nichts. Nutzen Sie die Bereiche oben.",
  loadingPage: "Seite wird geladen",
  loadingWork: "Ihre Arbeit wird geladen",
  unresolved: "{{owner}} (nicht zugeordnet)",
  noStatus: "Kein Status",
  cancel: "Abbrechen",
  close: "Schließen",
  save: "Speichern",
  apply: "Übernehmen",
  retry: "Erneut versuchen",
};
