/**
 * What each role of the playbook may reach, as data. The playbook names the
 * roles and, through its scenario rows, who records status in which stage; the
 * rest (whose tenants a role sees, who assigns, who administers) is access
 * control the playbook leaves to the portal, and lives here.
 */

export const roleIds = {
  admin: "admin",
  teamLead: "team_lead",
  assignmentFm: "assignment_fm",
  deliveryFm: "delivery_fm",
  fastTrackEngineer: "fasttrack_engineer",
  accountTeam: "account_team",
  partner: "partner",
  engineering: "engineering",
  viewer: "viewer",
} as const;

/** The nine roles of the default playbook, in the order the portal lists them. */
export const knownRoles = Object.values(roleIds);

export interface RoleGrant {
  /**
   * Whose tenants the role reads row by row: every tenant, the tenants it is
   * assigned to (directly or through their customer), or none at all
   * (aggregate-only: reports across the portfolio, never a tenant's rows).
   */
  reach: "all" | "assigned" | "aggregate";
  /** Whether the role may record status at all; the playbook's scenario rows then say in which stage. */
  writes: boolean;
  /** Whether it records status on any tenant, assigned or not (the Admin's corrections). */
  writesAnywhere: boolean;
  /** Whom it may assign: anyone anywhere, only where it holds a primary assignment, or nobody. */
  assigns: "anywhere" | "where_primary" | "never";
  /** Users, the playbook and the audit trail. */
  administers: boolean;
  /**
   * Outside the company (partners): a tenant it is not assigned to is answered
   * as if it did not exist, so one partner cannot learn another's customers.
   */
  external: boolean;
}

export const roleGrants: Record<string, RoleGrant> = {
  [roleIds.admin]: {
    reach: "all",
    writes: true,
    writesAnywhere: true,
    assigns: "anywhere",
    administers: true,
    external: false,
  },
  [roleIds.teamLead]: {
    reach: "all",
    writes: true,
    writesAnywhere: false,
    assigns: "anywhere",
    administers: false,
    external: false,
  },
  [roleIds.assignmentFm]: {
    reach: "assigned",
    writes: true,
    writesAnywhere: false,
    assigns: "where_primary",
    administers: false,
    external: false,
  },
  [roleIds.deliveryFm]: {
    reach: "assigned",
    writes: true,
    writesAnywhere: false,
    assigns: "where_primary",
    administers: false,
    external: false,
  },
  [roleIds.fastTrackEngineer]: {
    reach: "assigned",
    writes: true,
    writesAnywhere: false,
    assigns: "never",
    administers: false,
    external: false,
  },
  [roleIds.accountTeam]: {
    reach: "assigned",
    writes: true,
    writesAnywhere: false,
    assigns: "never",
    administers: false,
    external: false,
  },
  [roleIds.partner]: {
    reach: "assigned",
    writes: true,
    writesAnywhere: false,
    assigns: "never",
    administers: false,
    external: true,
  },
  [roleIds.engineering]: {
    reach: "aggregate",
    writes: false,
    writesAnywhere: false,
    assigns: "never",
    administers: false,
    external: false,
  },
  [roleIds.viewer]: {
    reach: "assigned",
    writes: false,
    writesAnywhere: false,
    assigns: "never",
    administers: false,
    external: false,
  },
};

/**
 * A role a custom playbook adds is treated like a field role: it reads and
 * writes where assigned, and its playbook's scenario rows decide the stages.
 */
const customRoleGrant: RoleGrant = {
  reach: "assigned",
  writes: true,
  writesAnywhere: false,
  assigns: "never",
  administers: false,
  external: false,
};

export function grantOf(roleId: string): RoleGrant {
  return roleGrants[roleId] ?? customRoleGrant;
}
