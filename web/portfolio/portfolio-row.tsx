import { type MouseEvent, memo } from "react";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { EntitlementView } from "../api/api-types.ts";
import { i18n } from "../i18n/i18n.ts";
import { Link } from "../router/link.tsx";
import { formatCount, formatDate } from "../shared/format.ts";
import type { ColumnId } from "./columns.ts";
import { type RowSummary, reasonText, summarizeRow } from "./row-summary.ts";
import { SegmentChips } from "./segment-chips.tsx";
import { UsageCell } from "./usage-cell.tsx";

export const portfolioRowHeight = 44;

export interface PortfolioRowProps {
  row: EntitlementView;
  position: number;
  /** Where the row sits in the scrolled body, px. */
  top: number;
  columns: readonly ColumnId[];
  template: string;
  index: PlaybookIndex;
  selected: boolean;
  onToggle: (id: string, index: number, extend: boolean) => void;
  /** Opens the row's status editor; `editHref` is the same as a link. */
  onOpen: (id: string) => void;
  editHref: (id: string) => string;
  today: string;
}

/** Clicks on these keep their own meaning rather than opening the editor. */
const ownClick = "a, button, input, label, select, textarea";

/**
 * One entitlement in the portfolio: a click anywhere on it opens its status
 * editor, except on its links (the tenant, the status chips) and its checkbox.
 */
export const PortfolioRow = memo(function PortfolioRow(props: PortfolioRowProps) {
  const { row, position, top, columns, template, selected, onToggle, onOpen } = props;
  const summary = summarizeRow(row, props.today);
  const onCheck = (event: MouseEvent<HTMLInputElement>) => onToggle(row.id, position, event.shiftKey);
  const onClick = (event: MouseEvent<HTMLTableRowElement>) => {
    if ((event.target as HTMLElement).closest(ownClick)) return;
    if (window.getSelection()?.toString()) return; // selecting text to copy it
    onOpen(row.id);
  };
  return (
    <tr
      aria-rowindex={position + 2}
      data-selected={selected}
      className="portfolio-grid portfolio-row"
      style={{ top, height: portfolioRowHeight, gridTemplateColumns: template, cursor: "pointer" }}
      data-entitlement={row.id}
      onClick={onClick}
    >
      <td>
        <input
          type="checkbox"
          checked={selected}
          onClick={onCheck}
          onChange={() => undefined}
          aria-label={i18n.t("portfolio.table.select", {
            customer: row.customer.name,
            tenant: row.tenant.name,
            service: row.service.name,
          })}
        />
      </td>
      <td className="cell">
        <Link href={`/tenants/${row.tenant.id}`} className="row-title" title={row.customer.name}>
          {row.customer.name}
        </Link>
        <span className="row-detail" title={`${row.tenant.name} · ${row.tenant.domain}`}>
          {row.tenant.name} · {row.tenant.domain}
        </span>
      </td>
      {columns.map((id) => (
        <Cell key={id} id={id} summary={summary} {...props} />
      ))}
    </tr>
  );
});

/** One cell of a chosen column. Long text is cut to the column and whole in its title (and for screen readers). */
function Cell({
  id,
  row,
  index,
  today,
  editHref,
  summary,
}: PortfolioRowProps & { id: ColumnId; summary: RowSummary }) {
  switch (id) {
    case "service": {
      const detail = i18n.t("portfolio.table.serviceDetail", {
        ended: row.endedAt ? i18n.t("portfolio.table.ended") : "",
        stage: i18n.t(`common.stage.${row.stage}`),
        seats: formatCount(row.availableSeats),
      });
      return (
        <td className="cell" data-column={id}>
          <Link
            href={editHref(row.id)}
            className="row-title"
            title={i18n.t("portfolio.table.edit", { service: row.service.name })}
          >
            {row.service.name}
          </Link>
          <span className="row-detail">{detail}</span>
        </td>
      );
    }
    case "status":
      return (
        <td className="cell chips-cell">
          <SegmentChips index={index} segments={row.segments} />
        </td>
      );
    case "reason":
      return <TextCell id={id} text={reasonText(index, row.segments)} />;
    case "blocked":
      return (
        <td className="cell cell-number">{row.blockedSeats > 0 ? formatCount(row.blockedSeats) : ""}</td>
      );
    case "usage":
      return <UsageCell row={row} playbook={index.playbook} today={today} />;
    case "owner":
      return <TextCell id={id} text={summary.owners} />;
    case "target":
      return <td className="cell">{formatDate(summary.targetDate)}</td>;
    case "nextAction":
      return <NextActionCell summary={summary} />;
  }
}

function TextCell({ id, text }: { id: ColumnId; text: string }) {
  return (
    <td className="cell" title={text || undefined} data-column={id}>
      {text}
    </td>
  );
}

const line = { display: "block", overflow: "hidden", textOverflow: "ellipsis" } as const;

/** The next action due first, and under it its date, flagged when it has passed. */
function NextActionCell({ summary }: { summary: RowSummary }) {
  const date = formatDate(summary.nextActionDate);
  const due =
    date && i18n.t(summary.overdue ? "portfolio.table.dueOverdue" : "portfolio.table.due", { date });
  const title = [summary.nextAction, due].filter(Boolean).join("\n");
  return (
    <td className="cell" title={title || undefined} data-column="nextAction">
      <span style={line}>{summary.nextAction}</span>
      <span className="row-detail">
        {date}
        {summary.overdue ? (
          <>
            {" "}
            <span className="overdue-flag">{i18n.t("portfolio.table.overdue")}</span>
          </>
        ) : null}
      </span>
    </td>
  );
}
