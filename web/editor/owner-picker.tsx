import { Autocomplete } from "@mantine/core";
import { ownerOfText } from "../../src/domain/owners/segment-owner.ts";
import type { OwnerChoices } from "../api/api-types.ts";
import { useOwnerChoices } from "../api/queries.ts";
import { i18n } from "../i18n/i18n.ts";
import type { FieldInputCommon } from "./field-input.tsx";

/** The picker's groups: teams, the people assigned here, then the others (refused until assigned). */
function groupsOf(choices: OwnerChoices | undefined) {
  if (!choices) return [];
  return [
    { group: i18n.t("editor.owner.teams"), items: choices.teams.map((team) => team.name) },
    { group: i18n.t("editor.owner.assigned"), items: choices.assigned.map((person) => person.email) },
    { group: i18n.t("editor.owner.others"), items: choices.others.map((person) => person.email) },
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
    const name = team?.name ?? ref.role;
    return names
      ? i18n.t("editor.owner.team", { team: name, people: names })
      : i18n.t("editor.owner.teamNobody", { team: name });
  }
  if (ref?.kind === "person") {
    const person = people.find((candidate) => candidate.id === ref.userId);
    const assigned = choices.assigned.some((candidate) => candidate.id === ref.userId);
    const name = person?.name ?? value;
    return assigned
      ? i18n.t("editor.owner.person", { name })
      : i18n.t("editor.owner.personNotAssigned", { name });
  }
  return i18n.t("editor.owner.unresolved");
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
