import { ruleTextFor } from "../../src/domain/i18n/rule-text.ts";
import type { Playbook } from "../../src/domain/playbook/playbook-schema.ts";
import { assessUsage, shareText } from "../../src/domain/usage/assess-usage.ts";
import type { EntitlementView } from "../api/api-types.ts";
import { currentLanguage, i18n } from "../i18n/i18n.ts";
import { formatDate } from "../shared/format.ts";

/** A portfolio row's usage: the share of available seats active, and a mark when the status contradicts it. */
export function UsageCell({
  row,
  playbook,
  today,
}: {
  row: EntitlementView;
  playbook: Playbook;
  today: string;
}) {
  const usage = assessUsage(
    playbook,
    {
      availableSeats: row.availableSeats,
      segments: row.segments,
      usage: row.usage,
      today,
    },
    ruleTextFor(currentLanguage()),
  );
  const flags = usage.contradictions.map((contradiction) => contradiction.message);
  const title =
    usage.activeSeats === null
      ? i18n.t("portfolio.usage.none")
      : [
          i18n.t("portfolio.usage.active", {
            count: usage.activeSeats,
            date: formatDate(usage.date),
          }),
          ...flags,
        ].join("\n");
  return (
    <td className="cell cell-number" title={title}>
      {usage.sharePercent === null ? "" : shareText(usage.sharePercent)}
      {flags.length > 0 ? (
        <span
          className="usage-flag"
          role="img"
          aria-label={i18n.t("portfolio.usage.contradicts", { flags: flags.join(" ") })}
        >
          {" "}
          ⚠
        </span>
      ) : null}
      {row.resplitNeeded ? <span className="row-detail">{i18n.t("portfolio.usage.resplit")}</span> : null}
    </td>
  );
}
