/** People: moving one person's work to another. */
export const people = {
  title: "People",
  intro:
    "When someone leaves the team, move their customers and tenants, and the statuses they own there, to another person of the same role. The same runs as",
  columns: { name: "Name", email: "Email", role: "Role" },
  reassign: "Reassign…",
  dialog: "Reassign {{name}}'s work",
  moveTo: "Move to",
  sameRole: "A person of the same role",
  nobody: "Nobody else has this role",
  nothing: "Nothing is assigned to {{name}}.",
  assignments: "Customers and tenants",
  customer: "Customer {{name}}",
  tenant: "Tenant {{name}}",
  primary: " (primary)",
  merged: " ({{name}} is already assigned)",
  preview: "Preview",
  previewBody:
    "{{assignments}} assignment(s) and {{segments}} owned status segment(s) move from {{from}} to {{to}}; each change is audited.",
  more: "and {{count}} more",
  cancel: "Cancel",
  apply: "Apply",
};
