import type { Translation } from "../catalogue.ts";
import type { myWork as english } from "../en/myWork.ts";

export const myWork: Translation<typeof english> = {
  title: "Meine Arbeit",
  loading: "Ihre Arbeit wird geladen",
  loadFailed: "Ihre Arbeit konnte nicht geladen werden",
  nothing: "Hier ist noch nichts zu tun",
  nothingBefore: "Ihnen ist kein Kunde und kein Mandant zugewiesen, und Sie verantworten keinen Status. Das",
  nothingLink: "Portfolio",
  nothingAfter: "zeigt alles, was Sie lesen dürfen.",
  summaryNone: "Ihnen ist nichts zugewiesen, und Sie verantworten nichts.",
  summary:
    "{{overdue, number}} überfällig, {{week, number}} diese Woche fällig (bis {{weekEnds}}), {{blocked, number}} blockiert nach dem Zieldatum, von {{total, number}} Lizenzberechtigungen. Heute ist der {{today}} ({{zone}}).",
  groups: {
    overdue: "Überfällige nächste Schritte",
    due_this_week: "Diese Woche fällig",
    blocked_past_target: "Blockiert, Zieldatum überschritten",
    rest: "Alles andere",
    recheck: "Erneut prüfen: die Lösung ist ausgeliefert",
  },
  items: "{{count, number}} Einträge",
  empty: "Hier ist nichts.",
  columns: {
    customer: "Kunde / Mandant",
    service: "Service",
    status: "Status der Lizenzen",
    owner: "Verantwortlich",
    why: "Warum hier",
    shipped: "Was ausgeliefert wurde",
  },
  more: "{{count, number}} weitere nicht aufgeführt; grenzen Sie sie im Portfolio ein.",
  moreRechecks: "{{count, number}} weitere nicht aufgeführt.",
  editOf: "Status von {{service}} bearbeiten",
  recheckOf: "Status von {{service}} erneut prüfen",
  serviceDetail: "{{stage}} · {{seats}} Lizenzen",
  ownerOnly: "Hier, weil Sie ein Segment verantworten",
  dismiss: "Verwerfen",
  reason: {
    overdue_one: "Der nächste Schritt war am {{date}} fällig, vor {{count}} Tag.",
    overdue_other: "Der nächste Schritt war am {{date}} fällig, vor {{count}} Tagen.",
    dueToday: "Der nächste Schritt ist am {{date}} fällig, also heute.",
    due_one: "Der nächste Schritt ist am {{date}} fällig, in {{count}} Tag.",
    due_other: "Der nächste Schritt ist am {{date}} fällig, in {{count}} Tagen.",
    pastTarget_one: "Blockiert; das Zieldatum {{date}} ist seit {{count}} Tag überschritten.",
    pastTarget_other: "Blockiert; das Zieldatum {{date}} ist seit {{count}} Tagen überschritten.",
    later: "Nächster Schritt fällig am {{date}}, nach dieser Woche.",
    undated: "Nichts fällig: kein Termin für den nächsten Schritt.",
    shipped:
      "„{{title}}“ wurde ausgeliefert: Prüfen Sie, ob die {{seats, number}} blockierten Lizenzen hier jetzt frei sind.",
    shippedOn:
      "„{{title}}“ wurde am {{date}} ausgeliefert: Prüfen Sie, ob die {{seats, number}} blockierten Lizenzen hier jetzt frei sind.",
  },
  notices: {
    title: "Benachrichtigungen",
    none: "Benachrichtigungen, keine ungelesen",
    unread: "Benachrichtigungen, {{count}} ungelesen",
    empty: "Noch nichts.",
    markAll: "Alle als gelesen markieren",
    unreadMark: " · ungelesen",
  },
};
