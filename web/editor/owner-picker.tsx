import { Autocomplete } from "@mantine/core";
import { ownerOfText } from "../../src/domain/owners/segment-owner.ts";
import type { OwnerChoices } from "../api/api-types.ts";
import { useOwnerChoices } from "../api/queries.ts";
import type { FieldInputCommon } from "./field-input.tsx";

/** The picker's groups: teams, the people assigned here, then the others (refused until assigned). */
function groupsOf(choices: OwnerChoices | undefined) {
  if (!choices) return [];
  return [
    { group: "Teams", items: choices.teams.map((team) => team.name) },
    { group: "Assigned here", items: choices.assigned.map((person) => person.email) },
    { group: "Not assigned here (assign them first)", items: choices.others.map((person) => person.email) },
  ].filter((group) => group.items.length > 0);
}

/** How the owner as typed will be stored: a team and its people, a person, or unresolved text. */
export function ownerMeaning(choices: OwnerChoices | undefined, value: string): string | undefined {
  if (!choices || value.trim() === "") return undefined;
  const teams = choices.teams.map((team) => ({ id: team.role, name: team.name }));
  const people = [...choices.assigned, ...choices.others];
  const ref = ownerOfText(teams, people, value);
  if (ref?.kind === "team") {
    const team = choices.teams.find((candidate) => candidate.role === ref.role);
    const names = team?.people.map((person) => person.name).join(", ");
    return `Team: ${team?.name ?? ref.role}${names ? ` (${names})` : " (nobody assigned here yet)"}`;
  }
  if (ref?.kind === "person") {
    const person = people.find((candidate) => candidate.id === ref.userId);
    const assigned = choices.assigned.some((candidate) => candidate.id === ref.userId);
    return `Person: ${person?.name ?? value}${assigned ? "" : " (not assigned here: saving is refused)"}`;
  }
  return "Unresolved: kept as text, matching no team or person";
}

/** The owner field: a team, a person assigned here, or free text (shown as unresolved). */
export function OwnerPicker({
  common,
  entitlementId,
  value,
  placeholder,
  onChange,
}: {
  common: FieldInputCommon;
  entitlementId: string | undefined;
  value: string;
  placeholder: string | undefined;
  onChange: (value: string) => void;
}) {
  const choices = useOwnerChoices(entitlementId ?? null).data;
  const meaning = ownerMeaning(choices, value || placeholder || "");
  const description = [common.description, meaning].filter(Boolean).join(" ");
  return (
    <Autocomplete
      {...common}
      description={description || undefined}
      data={groupsOf(choices)}
      value={value}
      placeholder={placeholder}
      onChange={onChange}
      limit={50}
      maxDropdownHeight={280}
    />
  );
}
