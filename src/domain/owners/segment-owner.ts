import { normalizeName, type PlaybookIndex } from "../playbook/playbook-index.ts";

/**
 * Who owns a status segment (docs/OWNERS.md): a person (a user), or a team
 * (a playbook role: the customer's people with that role). An owner written as
 * text that names neither stays text and is listed as unresolved.
 */
export type OwnerRef = { kind: "person"; userId: string } | { kind: "team"; role: string };

export interface OwnerPerson {
  id: string;
  name: string;
  email: string;
  role: string;
}

/** The owner as the view shows it: what it is, its name, and the people it stands for. */
export interface ResolvedOwner {
  kind: "person" | "team" | "text";
  /** The person's name, the team's role name, or the text as written. */
  name: string;
  /** What a list shows: "Account Team: Ana Lopez, Bo Chen" for a team. */
  display: string;
  userId: string | null;
  email: string | null;
  role: string | null;
  people: { id: string; name: string; email: string }[];
}

/** A team an owner may be: a role of the playbook (the Admin is nobody's team). */
export interface OwnerTeam {
  id: string;
  name: string;
}

/** The roles the playbook's scenario rows name as owner defaults come first (Delivery FM, Account Team). */
export function ownerTeamsOf(index: PlaybookIndex): OwnerTeam[] {
  const defaults = new Set<string>();
  for (const row of index.playbook.scenarios) {
    const fallback = row.fields.owner.default;
    const role = fallback ? index.role(fallback) : undefined;
    if (role) defaults.add(role.id);
  }
  const teams = index.playbook.roles.filter((role) => role.id !== "admin");
  const rank = (team: OwnerTeam) => (defaults.has(team.id) ? 0 : 1);
  return [...teams].sort((a, b) => rank(a) - rank(b)).map((role) => ({ id: role.id, name: role.name }));
}

/** The team a text names, by role id or name (case and punctuation aside). */
export function teamNamed(teams: readonly OwnerTeam[], text: string): OwnerTeam | undefined {
  const wanted = normalizeName(text);
  if (wanted === "") return undefined;
  return teams.find((team) => normalizeName(team.id) === wanted || normalizeName(team.name) === wanted);
}

/**
 * The one person a text names: a user whose email is the text, else the one
 * user whose name is the text (case aside); two people of one name name nobody.
 */
export function personNamed(people: readonly OwnerPerson[], text: string): OwnerPerson | undefined {
  const wanted = text.trim().toLowerCase();
  if (wanted === "") return undefined;
  const byEmail = unique(people.filter((person) => person.email.toLowerCase() === wanted));
  if (byEmail.length === 1) return byEmail[0];
  const byName = unique(people.filter((person) => person.name.trim().toLowerCase() === wanted));
  return byName.length === 1 ? byName[0] : undefined;
}

function unique(people: OwnerPerson[]): OwnerPerson[] {
  return [...new Map(people.map((person) => [person.id, person])).values()];
}

/** What an owner text resolves to: a team first, then a person, else null (it stays text). */
export function ownerOfText(
  teams: readonly OwnerTeam[],
  people: readonly OwnerPerson[],
  text: string,
): OwnerRef | null {
  const team = teamNamed(teams, text);
  if (team) return { kind: "team", role: team.id };
  const person = personNamed(people, text);
  return person ? { kind: "person", userId: person.id } : null;
}

/** A team owner as shown: its role name, then its people by name. */
export function teamOwner(team: OwnerTeam, people: readonly OwnerPerson[]): ResolvedOwner {
  const members = unique(people.filter((person) => person.role === team.id)).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const names = members.map((person) => person.name).join(", ");
  return {
    kind: "team",
    name: team.name,
    display: names ? `${team.name}: ${names}` : team.name,
    userId: null,
    email: null,
    role: team.id,
    people: members.map(({ id, name, email }) => ({ id, name, email })),
  };
}

export function personOwner(person: OwnerPerson): ResolvedOwner {
  return {
    kind: "person",
    name: person.name,
    display: person.name,
    userId: person.id,
    email: person.email,
    role: null,
    people: [{ id: person.id, name: person.name, email: person.email }],
  };
}

export function textOwner(text: string): ResolvedOwner {
  return { kind: "text", name: text, display: text, userId: null, email: null, role: null, people: [] };
}
