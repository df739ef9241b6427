import type { Translation } from "../catalogue.ts";
import type { shell as english } from "../en/shell.ts";

export const shell: Translation<typeof english> = {
  skip: "Zum Inhalt springen",
  sections: "Bereiche",
  myWorkBadge: "{{count}} überfällig oder diese Woche fällig",
  nav: {
    myWork: "Meine Arbeit",
    portfolio: "Portfolio",
    quality: "Datenqualität",
    dashboards: "Dashboards",
    escalations: "Eskalationen",
    roadmap: "Roadmap",
    playbook: "Playbook",
    feed: "Portfolio-Feed",
    playbookVersions: "Playbook-Versionen",
    people: "Personen",
  },
  loadingPlaybook: "Playbook wird geladen",
  playbookFailed: "Das Playbook konnte nicht geladen werden",
};
