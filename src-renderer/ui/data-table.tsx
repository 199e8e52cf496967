/**
 * A table of rows in named columns, with an optional last column of per-row buttons (Remove,
 * Revoke, Edit / Delete) under a visually hidden "Actions" header. Each button carries its own
 * accessible name ("Remove Ada Lovelace"), which is how people using a screen reader and our
 * Playwright tests tell the rows' buttons apart.
 */
import type { ReactNode } from 'react';
import { Button } from './button.js';
import type { ButtonProps } from './button.js';

export interface TableColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** The cell's class ("mono"). */
  className?: string;
  /** As narrow as its content (a status). */
  shrink?: boolean;
  /** The cell names its row (`<th scope="row">`). */
  rowHeader?: boolean;
}

/** One button of a row. */
export interface RowAction {
  /** What the button shows ("Remove"). */
  label: string;
  /** Its accessible name, naming the row ("Remove ada@example.com"). */
  name: string;
  onClick: () => void;
  /** Default `ghost`. */
  variant?: ButtonProps['variant'];
  disabled?: boolean;
  /** Work for this row is running: disabled and marked busy. */
  busy?: boolean;
}

/** A row's Actions cell: its buttons (none, one or several), or a short note saying why it has none. */
export type RowActions = RowAction | readonly RowAction[] | { note: string } | null;

export interface DataTableProps<Row> {
  /** The table's accessible name ("Members"). */
  label: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  columns: readonly TableColumn<Row>[];
  /** The row's buttons; without it the table has no Actions column. */
  actions?: (row: Row) => RowActions;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  /** More classes of the table ("table--compact"). */
  className?: string;
  /** Wide tables scroll sideways inside their card. */
  scroll?: boolean;
}

export function DataTable<Row>(props: DataTableProps<Row>) {
  if (props.rows.length === 0) return <>{props.empty}</>;
  const table = <Table {...props} />;
  return props.scroll ? <div className="table-scroll">{table}</div> : table;
}

const cellClass = (column: { className?: string; shrink?: boolean }) =>
  [column.className, column.shrink && 'shrink'].filter(Boolean).join(' ') || undefined;

function Table<Row>({ label, rows, rowKey, columns, actions, className }: DataTableProps<Row>) {
  return (
    <table className={['table', className].filter(Boolean).join(' ')} aria-label={label}>
      <TableHead columns={columns} actions={Boolean(actions)} />
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column) =>
              column.rowHeader ? (
                <th key={column.header} scope="row" className={cellClass(column)}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.header} className={cellClass(column)}>
                  {column.cell(row)}
                </td>
              ),
            )}
            {actions && (
              <td className="shrink nowrap">
                <ActionsCell actions={actions(row)} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A table's header row: the columns, then the visually hidden "Actions" header of the buttons' column.
 * For tables whose rows are components of their own (a claim's row, a rule's row).
 */
export function TableHead({
  columns,
  actions,
}: {
  columns: readonly Pick<TableColumn<never>, 'header' | 'shrink'>[];
  actions: boolean;
}) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column.header} scope="col" className={column.shrink ? 'shrink' : undefined}>
            {column.header}
          </th>
        ))}
        {actions && (
          <th scope="col" className="shrink">
            <span className="visually-hidden">Actions</span>
          </th>
        )}
      </tr>
    </thead>
  );
}

function ActionsCell({ actions }: { actions: RowActions }) {
  if (actions === null) return null;
  if ('note' in actions) return <span className="field__hint">{actions.note}</span>;
  const list = isList(actions) ? actions : [actions];
  if (list.length === 0) return null;
  if (list.length === 1) return <ActionButton action={list[0]!} />;
  return (
    <div className="row-actions">
      {list.map((action) => (
        <ActionButton key={action.name} action={action} />
      ))}
    </div>
  );
}

const isList = (actions: RowAction | readonly RowAction[]): actions is readonly RowAction[] => Array.isArray(actions);

function ActionButton({ action }: { action: RowAction }) {
  return (
    <Button
      variant={action.variant ?? 'ghost'}
      aria-label={action.name}
      disabled={action.disabled}
      busy={action.busy}
      onClick={action.onClick}
    >
      {action.label}
    </Button>
  );
}
