import type { ComponentChildren } from 'preact';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ComponentChildren;
  /** `numeric` right-aligns figures; `actions` keeps buttons on one line. */
  kind?: 'numeric' | 'actions';
}

/** The admin console's table: a caption (visible or for screen readers), column headers, and a row per item or the empty message; on a phone each row is a card whose cells carry their column's name. */
export function DataTable<Row>({ caption, captionHidden = false, columns, rows, rowKey, empty }: { caption: string; captionHidden?: boolean; columns: Array<Column<Row>>; rows: Row[] | undefined; rowKey: (row: Row) => string; empty: string }) {
  return (
    <table class="table data-table">
      <caption class={captionHidden ? 'visually-hidden' : 'table-caption'}>{caption}</caption>
      <thead><tr>{columns.map((column) => <th key={column.header} scope="col" class={column.kind}>{column.header}</th>)}</tr></thead>
      <tbody>
        {rows?.length === 0 && <tr><td colSpan={columns.length} class="empty-row">{empty}</td></tr>}
        {rows?.map((row) => (
          <tr key={rowKey(row)}>{columns.map((column) => <td key={column.header} class={column.kind} data-label={column.header}>{column.cell(row)}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}
