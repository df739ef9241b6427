/** One sign-in per playbook role, so every part of the app can be tried as that role. */
export interface DemoUser {
  email: string;
  name: string;
  /** Playbook role id. */
  role: string;
}

export const demoUsers: readonly DemoUser[] = [
  { email: "admin@unblock.test", name: "Alex Admin", role: "admin" },
  { email: "team.lead@unblock.test", name: "Teresa Lead", role: "team_lead" },
  { email: "assignment.fm@unblock.test", name: "Ada Assignment", role: "assignment_fm" },
  { email: "delivery.fm@unblock.test", name: "Dev Delivery", role: "delivery_fm" },
  { email: "engineer@unblock.test", name: "Erin Engineer", role: "fasttrack_engineer" },
  { email: "account.team@unblock.test", name: "Arjun Account", role: "account_team" },
  { email: "partner@unblock.test", name: "Paula Partner", role: "partner" },
  { email: "engineering@unblock.test", name: "Eli Engineering", role: "engineering" },
  { email: "viewer@unblock.test", name: "Vera Viewer", role: "viewer" },
];
