/**
 * A list screen's body (authorization servers, applications, people, groups): the load's states,
 * then either the table — its first column the row's name linking to its page — or what to do when
 * there is nothing yet, or that nothing matches the search.
 */
import type { ReactNode } from 'react';
import type { LoadState } from '../state/load-state.js';
import { DataTable } from './data-table.js';
import type { TableColumn } from './data-table.js';
import { LoadGate } from './load-gate.js';

export type ListColumn<Row> = TableColumn<Row>;

export interface ListTableProps<Row extends { id: string }> {
  /** The table's accessible name ("Applications"). */
  label: string;
  /** What is loading, as in "Could not load the applications.". */
  what: string;
  load: LoadState;
  onRetry: () => void;
  /** The rows to show (after any search). */
  rows: Row[];
  /** True when there is nothing at all (no search narrowed it): `empty` shows instead of `noMatch`. */
  nothingYet: boolean;
  empty: ReactNode;
  noMatch?: ReactNode;
  /** The first column: the row's name, linking to its page, with an optional line under it. */
  name: { header: string; href: (row: Row) => string; text: (row: Row) => string; secondary?: (row: Row) => ReactNode };
  columns: ListColumn<Row>[];
  /** Shown under the table once loaded (a note about the rows). */
  children?: ReactNode;
}

export function ListTable<Row extends { id: string }>(props: ListTableProps<Row>) {
  const { what, load, onRetry, rows, nothingYet, empty, noMatch, children } = props;
  return (
    <LoadGate load={load} empty={rows.length === 0} what={what} onRetry={onRetry}>
      {rows.length > 0 ? <Table {...props} /> : nothingYet ? empty : noMatch}
      {children}
    </LoadGate>
  );
}

function Table<Row extends { id: string }>({ label, rows, name, columns }: ListTableProps<Row>) {
  const nameColumn: ListColumn<Row> = {
    header: name.header,
    cell: (row) => (
      <>
        <a className="table__primary" href={name.href(row)}>
          {name.text(row)}
        </a>
        {name.secondary && <div className="table__secondary">{name.secondary(row)}</div>}
      </>
    ),
  };
  return <DataTable label={label} rows={rows} rowKey={(row) => row.id} columns={[nameColumn, ...columns]} />;
}
