/** Page model: one authorization server on its Scopes tab, the Add/Edit Scope dialog and the delete confirmation. */
import type { Locator, Page } from '@playwright/test';

export class ScopesPage {
  readonly tab: Locator;
  readonly table: Locator;
  readonly addButton: Locator;
  readonly dialog: Locator;
  readonly confirmDelete: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Scopes' });
    this.table = page.getByRole('table', { name: 'Scopes' });
    this.addButton = page.getByRole('button', { name: 'Add Scope' });
    this.dialog = page.getByRole('dialog', { name: /^(Add|Edit) Scope$/ });
    this.confirmDelete = page.getByRole('dialog', { name: 'Delete Scope' });
  }

  async open(uiUrl: string, serverId: string): Promise<void> {
    await this.page.goto(uiUrl);
    await this.page.goto(`${new URL(uiUrl).origin}/#/authorization-servers/${encodeURIComponent(serverId)}/scopes`);
  }

  field(
    label: 'Name' | 'Display phrase' | 'Description' | 'Set as a default scope' | 'Include in public metadata',
  ): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  consent(choice: 'Implicit' | 'Required'): Locator {
    return this.dialog.getByRole('radio', { name: choice });
  }

  row(name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${name}( System)?$`) }) });
  }

  /** Cells after the name: 0 Display phrase, 1 Description, 2 User consent, 3 Default scope, 4 Metadata. */
  cell(name: string, column: number): Locator {
    return this.row(name).getByRole('cell').nth(column);
  }

  async submit(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(Create|Save)$/ }).click();
  }

  errorOf(field: Locator): Locator {
    return field.locator('xpath=ancestor::div[contains(@class,"field")][1]').locator('.field__error');
  }
}
