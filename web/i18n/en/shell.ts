/** The frame around every page: the header's sections and the skip link. */
export const shell = {
  skip: "Skip to content",
  sections: "Sections",
  myWorkBadge: "{{count}} overdue or due this week",
  nav: {
    myWork: "My work",
    portfolio: "Portfolio",
    quality: "Data quality",
    dashboards: "Dashboards",
    escalations: "Escalations",
    roadmap: "Roadmap",
    playbook: "Playbook",
    feed: "Portfolio feed",
    playbookVersions: "Playbook versions",
    people: "People",
  },
  loadingPlaybook: "Loading the playbook",
  playbookFailed: "The playbook could not be loaded",
};
