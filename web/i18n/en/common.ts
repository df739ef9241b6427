/** Words many screens share. */
export const common = {
  stage: { assignment: "Assignment", delivery: "Delivery" },
  seats_one: "{{count, number}} seat",
  seats_other: "{{count, number}} seats",
  none: "—",
  loading: "Loading…",
  notFound: "Page not found",
  notFoundBody: "Nothing lives at {{path}}. Use the sections above.",
  loadingPage: "Loading the page",
  loadingWork: "Loading your work",
  unresolved: "{{owner}} (unresolved)",
  noStatus: "No status",
  cancel: "Cancel",
  close: "Close",
  save: "Save",
  apply: "Apply",
  retry: "Retry",
};
