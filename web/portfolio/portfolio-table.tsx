import { useTranslation } from "react-i18next";
import type { EntitlementView } from "../api/api-types.ts";
import { usePlaybook } from "../playbook/playbook-context.tsx";
import { type ColumnId, columnLabel, columnSpecs, gridTemplate, minimumWidth } from "./columns.ts";
import { defaultOrder, type PortfolioFilters, type SortKey } from "./portfolio-filters.ts";
import { PortfolioRow, portfolioRowHeight } from "./portfolio-row.tsx";
import { VirtualRows } from "./virtual-rows.tsx";

export interface PortfolioTableProps {
  rows: readonly EntitlementView[];
  /** The columns shown after the customer, in order (columns.ts). */
  columns: readonly ColumnId[];
  filters: PortfolioFilters;
  onSort: (sort: SortKey) => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string, index: number, extend: boolean) => void;
  onToggleAll: (select: boolean) => void;
  onVisibleEnd: (lastIndex: number) => void;
  /** Opens a row's status editor over the list; `editHref` is its link. */
  onOpen: (id: string) => void;
  editHref: (id: string) => string;
  today: string;
  footer: React.ReactNode;
  hasMore: boolean;
}

export function PortfolioTable(props: PortfolioTableProps) {
  const { t } = useTranslation();
  const index = usePlaybook();
  const { rows, selected, columns } = props;
  const template = gridTemplate(columns);
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const header = (
    <tr
      aria-rowindex={1}
      className="portfolio-grid portfolio-header"
      style={{ gridTemplateColumns: template }}
    >
      <th>
        <input
          type="checkbox"
          aria-label={t("portfolio.table.selectAll")}
          checked={allSelected}
          onChange={(event) => props.onToggleAll(event.currentTarget.checked)}
        />
      </th>
      <SortHeader label={columnLabel("customer")} sort="customer" {...props} />
      {columns.map((id) => {
        const spec = columnSpecs[id];
        return spec.sort ? (
          <SortHeader key={id} label={columnLabel(id)} sort={spec.sort} numeric={spec.numeric} {...props} />
        ) : (
          <th
            key={id}
            className={spec.numeric ? "cell-number" : undefined}
            title={id === "status" ? t("portfolio.columns.statusHelp") : undefined}
          >
            {columnLabel(id)}
          </th>
        );
      })}
    </tr>
  );
  return (
    <VirtualRows
      label={t("portfolio.table.label")}
      items={rows}
      rowHeight={portfolioRowHeight}
      minWidth={minimumWidth(columns)}
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
          columns={columns}
          template={template}
          index={index}
          selected={selected.has(row.id)}
          onToggle={props.onToggle}
          onOpen={props.onOpen}
          editHref={props.editHref}
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
  numeric?: boolean | undefined;
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
