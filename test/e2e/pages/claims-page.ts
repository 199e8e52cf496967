/** Page model: one authorization server on its Claims tab, the Add/Edit Claim dialog and the delete confirmation. */
import type { Locator, Page } from '@playwright/test';

export type ClaimFieldLabel =
  'Name' | 'Include in token type' | 'Include' | 'Value type' | 'Filter' | 'Value' | 'Disable claim';

export class ClaimsPage {
  readonly tab: Locator;
  readonly table: Locator;
  readonly addButton: Locator;
  readonly dialog: Locator;
  readonly confirmDelete: Locator;
  /** The dialog's live Preview panel. */
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Claims' });
    this.table = page.getByRole('table', { name: 'Claims' });
    this.addButton = page.getByRole('button', { name: 'Add Claim' });
    this.dialog = page.getByRole('dialog', { name: /^(Add|Edit) Claim$/ });
    this.confirmDelete = page.getByRole('dialog', { name: 'Delete Claim' });
    this.preview = this.dialog.getByRole('group', { name: 'Preview' });
  }

  /** The UI with the token in the fragment, then the server's Claims tab from its address. */
  async open(uiUrl: string, serverId: string): Promise<void> {
    await this.page.goto(uiUrl);
    await this.page.goto(`${new URL(uiUrl).origin}/#/authorization-servers/${encodeURIComponent(serverId)}/claims`);
  }

  field(label: ClaimFieldLabel): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  /** A radio of "Include in", or a scope checkbox under "The following scopes". */
  includeIn(choice: 'Any scope' | 'The following scopes'): Locator {
    return this.dialog.getByRole('radio', { name: choice });
  }

  scope(name: string): Locator {
    return this.dialog
      .getByRole('group', { name: 'Scopes to include the claim in' })
      .getByRole('checkbox', { name, exact: true });
  }

  previewField(label: 'Application' | 'User' | 'Scopes'): Locator {
    return this.preview.getByLabel(label, { exact: true });
  }

  /** The value's JSON after a successful preview. */
  get previewResult(): Locator {
    return this.preview.getByRole('figure', { name: 'Result' });
  }

  /** The copy of the expression under the Value field, its error span marked. */
  get valueMirror(): Locator {
    return this.dialog.locator('.expression-mirror');
  }

  async submit(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(Create|Save)$/ }).click();
  }

  /** The table row whose Name cell starts with `name` (a System badge may follow it). */
  row(name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: new RegExp(`^${name}( System)?$`) }) });
  }

  /** Cell text by column: 0 Name, 1 Token type, 2 Value type, 3 Value, 4 Scopes, 5 Include, 6 Status. */
  cell(name: string, column: number): Locator {
    return this.row(name).getByRole('cell').nth(column);
  }

  edit(name: string): Locator {
    return this.row(name).getByRole('button', { name: /^Edit claim / });
  }

  delete(name: string): Locator {
    return this.row(name).getByRole('button', { name: /^Delete claim / });
  }
}
