import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { QualityItem } from "../../src/http/schemas/quality.ts";
import { i18n } from "../i18n/i18n.ts";

type QualityOwner = Pick<QualityItem["owner"], "kind" | "role" | "name" | "display">;

/**
 * The owner of a data-quality item as the app's language writes it; the
 * server's `display` is English ("(team)", "(unresolved)", "No owner").
 */
export function qualityOwnerText(index: PlaybookIndex, owner: QualityOwner): string {
  if (owner.kind === "person") return owner.name ?? owner.display;
  if (owner.kind === "team") {
    const team = (owner.role && index.role(owner.role)?.name) ?? owner.name ?? owner.role ?? "";
    return i18n.t("quality.team", { team });
  }
  if (owner.kind === "text") return i18n.t("common.unresolved", { owner: owner.name ?? "" });
  return i18n.t("quality.noOwner");
}
