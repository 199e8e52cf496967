/**
 * The shared table (src-renderer/ui/data-table.tsx) rendered to HTML: what shows with no rows, the
 * hidden Actions header, each button's accessible name, and a busy or disabled action.
 */
import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable } from '../../../src-renderer/ui/data-table.js';
import type { DataTableProps, RowActions } from '../../../src-renderer/ui/data-table.js';

interface Person {
  id: string;
  name: string;
  login: string;
}

const ADA: Person = { id: 'u1', name: 'Ada Lovelace', login: 'ada@example.com' };
const ALAN: Person = { id: 'u2', name: 'Alan Turing', login: 'alan@example.com' };

function render(props: Partial<DataTableProps<Person>>): string {
  const element = createElement(DataTable<Person>, {
    label: 'Members',
    rows: [ADA, ALAN],
    rowKey: (person) => person.id,
    columns: [
      { header: 'Person', cell: (person) => person.name, rowHeader: true },
      { header: 'Username', cell: (person) => person.login, className: 'mono' },
    ],
    ...props,
  }) as ReactElement;
  return renderToStaticMarkup(element);
}

const remove = (person: Person): RowActions => ({ label: 'Remove', name: `Remove ${person.login}`, onClick: () => {} });

describe('DataTable', () => {
  it('shows what to do instead of an empty table when there are no rows', () => {
    const html = render({ rows: [], empty: createElement('p', { className: 'empty' }, 'No members yet.') });
    expect(html).toBe('<p class="empty">No members yet.</p>');
  });

  it('names the table and its columns, and the row header names its row', () => {
    const html = render({});
    expect(html).toContain('<table class="table" aria-label="Members">');
    expect(html).toContain('<th scope="col">Person</th><th scope="col">Username</th></tr>');
    expect(html).toContain('<th scope="row">Ada Lovelace</th><td class="mono">ada@example.com</td>');
    expect(html).not.toContain('Actions');
  });

  it('gives every row button an accessible name with the row in it, under a visually hidden Actions header', () => {
    const html = render({ actions: remove });
    expect(html).toContain('<th scope="col" class="shrink"><span class="visually-hidden">Actions</span></th>');
    expect(html).toContain(
      '<button aria-label="Remove ada@example.com" type="button" class="button button--ghost">Remove</button>',
    );
    expect(html).toContain('aria-label="Remove alan@example.com"');
  });

  it('disables a busy action and marks it busy; a disabled one is only disabled', () => {
    const html = render({
      actions: (person) => ({
        label: 'Revoke',
        name: `Revoke ${person.login}`,
        onClick: () => {},
        busy: person === ADA,
        disabled: person === ALAN,
      }),
    });
    expect(html).toMatch(/aria-label="Revoke ada@example.com"[^>]*disabled=""[^>]*aria-busy="true"/);
    expect(html).toMatch(/aria-label="Revoke alan@example.com"[^>]*disabled=""/);
    expect(html).not.toMatch(/aria-label="Revoke alan@example.com"[^>]*aria-busy/);
  });

  it('puts several buttons side by side, and a note or nothing where a row has none', () => {
    const html = render({
      actions: (person) =>
        person === ADA
          ? [
              { label: 'Edit', name: `Edit ${person.login}`, variant: 'secondary', onClick: () => {} },
              { label: 'Delete', name: `Delete ${person.login}`, variant: 'danger', onClick: () => {} },
            ]
          : { note: 'Through a group' },
    });
    expect(html).toContain(
      '<div class="row-actions"><button aria-label="Edit ada@example.com" type="button" class="button button--secondary">Edit</button>' +
        '<button aria-label="Delete ada@example.com" type="button" class="button button--danger">Delete</button></div>',
    );
    expect(html).toContain('<td class="shrink nowrap"><span class="field__hint">Through a group</span></td>');
    expect(render({ actions: () => [] })).toContain('<td class="shrink nowrap"></td>');
  });
});
