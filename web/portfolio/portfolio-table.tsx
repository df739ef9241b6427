import { type MouseEvent, memo } from "react";
import type { PlaybookIndex } from "../../src/domain/playbook/playbook-index.ts";
import type { EntitlementView } from "../api/api-types.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { Link } from "../router/link.tsx";
import { formatCount, formatDate } from "../shared/format.ts";
import { defaultOrder, type PortfolioFilters, type SortKey } from "./portfolio-filters.ts";
import { summarizeRow } from "./row-summary.ts";
import { SegmentChips } from "./segment-chips.tsx";
import { UsageCell } from "./usage-cell.tsx";
import { VirtualRows } from "./virtual-rows.tsx";

const portfolioRowHeight = 44;

export interface PortfolioTableProps {
  rows: readonly EntitlementView[];
  filters: PortfolioFilters;
  onSort: (sort: SortKey) => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string, index: number, extend: boolean) => void;
  onToggleAll: (select: boolean) => void;
  onVisibleEnd: (lastIndex: number) => void;
  today: string;
  footer: React.ReactNode;
  hasMore: boolean;
}

export function PortfolioTable(props: PortfolioTableProps) {
  const index = usePlaybook();
  const { rows, selected } = props;
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const header = (
    <tr aria-rowindex={1} className="portfolio-grid portfolio-header">
      <th>
        <input
          type="checkbox"
          aria-label="Select all loaded rows"
          checked={allSelected}
          onChange={(event) => props.onToggleAll(event.currentTarget.checked)}
        />
      </th>
      <SortHeader label="Customer / tenant" sort="customer" {...props} />
      <th>Service</th>
      <th>Status by segment</th>
      <SortHeader label="Blocked" sort="blocked_seats" numeric {...props} />
      <SortHeader label="Usage" sort="usage_share" numeric {...props} />
      <th>Owner</th>
      <SortHeader label="Target" sort="target_date" {...props} />
      <th>Next action</th>
      <SortHeader label="Next date" sort="next_action_date" {...props} />
      <th>Overdue</th>
    </tr>
  );
  return (
    <VirtualRows
      label="Portfolio"
      items={rows}
      rowHeight={portfolioRowHeight}
      header={header}
      onVisibleEnd={props.onVisibleEnd}
      rowCount={props.hasMore ? -1 : rows.length + 1}
      footer={props.footer}
      renderRow={(row, position, top) => (
        <PortfolioRow
          key={row.id}
          row={row}
          position={position}
          top={top}
          index={index}
          selected={selected.has(row.id)}
          onToggle={props.onToggle}
          today={props.today}
        />
      )}
    />
  );
}

function SortHeader({
  label,
  sort,
  numeric = false,
  filters,
  onSort,
}: {
  label: string;
  sort: SortKey;
  numeric?: boolean;
  filters: PortfolioFilters;
  onSort: (sort: SortKey) => void;
}) {
  const active = (filters.sort ?? "updated") === sort;
  const order = filters.order ?? defaultOrder(sort);
  return (
    <th
      aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"}
      className={numeric ? "cell-number" : undefined}
    >
      <button type="button" className="sort-button" onClick={() => onSort(sort)}>
        {label}
        {active ? (order === "asc" ? " ▲" : " ▼") : ""}
      </button>
    </th>
  );
}

interface RowProps {
  row: EntitlementView;
  position: number;
  /** Where the row sits in the scrolled body, px. */
  top: number;
  index: PlaybookIndex;
  selected: boolean;
  onToggle: (id: string, index: number, extend: boolean) => void;
  today: string;
}

const PortfolioRow = memo(function PortfolioRow({
  row,
  position,
  top,
  index,
  selected,
  onToggle,
  today,
}: RowProps) {
  const summary = summarizeRow(row, today);
  const tenantHref = `/tenants/${row.tenant.id}`;
  const onCheck = (event: MouseEvent<HTMLInputElement>) => onToggle(row.id, position, event.shiftKey);
  return (
    <tr
      aria-rowindex={position + 2}
      data-selected={selected}
      className="portfolio-grid portfolio-row"
      style={{ top, height: portfolioRowHeight }}
      data-entitlement={row.id}
    >
      <td>
        <input
          type="checkbox"
          checked={selected}
          onClick={onCheck}
          onChange={() => undefined}
          aria-label={`Select ${row.customer.name} ${row.tenant.name} ${row.service.name}`}
        />
      </td>
      <td className="cell">
        <Link href={tenantHref} className="row-title">
          {row.customer.name}
        </Link>
        <span className="row-detail">
          {row.tenant.name} · {row.tenant.domain}
        </span>
      </td>
      <td className="cell">
        <Link href={`${tenantHref}?edit=${row.id}`} title={`Edit the status of ${row.service.name}`}>
          {row.service.name}
        </Link>
        <span className="row-detail">
          {row.endedAt ? "Ended · " : ""}
          {row.stage === "delivery" ? "Delivery" : "Assignment"} · {formatCount(row.availableSeats)} seats
        </span>
      </td>
      <td className="cell chips-cell">
        <SegmentChips index={index} segments={row.segments} />
      </td>
      <td className="cell cell-number">{row.blockedSeats > 0 ? formatCount(row.blockedSeats) : ""}</td>
      <UsageCell row={row} playbook={index.playbook} today={today} />
      <td className="cell" title={summary.owners}>
        {summary.owners}
      </td>
      <td className="cell">{formatDate(summary.targetDate)}</td>
      <td className="cell" title={summary.nextAction ?? undefined}>
        {summary.nextAction}
      </td>
      <td className="cell">{formatDate(summary.nextActionDate)}</td>
      <td>{summary.overdue ? <span className="overdue-flag">Overdue</span> : null}</td>
    </tr>
  );
});
