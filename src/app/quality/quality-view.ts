import type { OwnerCount, QualityItemRow } from "../../db/repositories/quality-repository.ts";
import { labelText } from "../../domain/i18n/server-texts.ts";
import type { PlaybookIndex } from "../../domain/playbook/playbook-index.ts";
import { describeFinding, qualityRuleLabel } from "../../domain/quality/quality-detail.ts";
import type { QualityItem, QualityOwnerCount } from "../../http/schemas/quality.ts";

type Owner = Pick<OwnerCount, "kind" | "userId" | "role" | "name">;

/**
 * The owner as the lists show it, in the index's language: a person's name, a
 * team's role name, text marked unresolved.
 */
export function ownerDisplay(index: PlaybookIndex, owner: Owner): string {
  const { language } = index.text;
  if (owner.kind === "person") return owner.name ?? labelText.say(language, "owner_person");
  if (owner.kind === "team") {
    const team = index.role(owner.role ?? "")?.name ?? owner.name ?? owner.role ?? "";
    return labelText.say(language, "owner_team", { team });
  }
  if (owner.kind === "text") return labelText.say(language, "owner_unresolved", { owner: owner.name ?? "" });
  return labelText.say(language, "owner_none");
}

export function ownerCountView(index: PlaybookIndex, count: OwnerCount): QualityOwnerCount {
  return { ...count, display: ownerDisplay(index, count) };
}

/** One item of the queue as the API answers it: its rule's label, the sentence and the editor's path. */
export function qualityItemView(index: PlaybookIndex, row: QualityItemRow, today: string): QualityItem {
  const data = row.data ?? {};
  return {
    rule: row.rule,
    label: qualityRuleLabel(index, row.rule),
    entitlementId: row.entitlementId,
    version: row.version,
    position: row.position,
    date: row.date,
    detail: describeFinding(index, { rule: row.rule, position: row.position, date: row.date, data }, today),
    data,
    tenant: row.tenant,
    customer: row.customer,
    service: { id: row.serviceId, name: index.service(row.serviceId)?.name ?? row.serviceId },
    segment: row.segment,
    owner: { ...row.owner, display: ownerDisplay(index, row.owner) },
    link: `/tenants/${row.tenant.id}?edit=${row.entitlementId}`,
  };
}
