/** Page model: Directory › People — the search, the list, and the Add Person dialog. */
import type { Locator, Page } from '@playwright/test';

export type PersonFieldLabel = 'First name' | 'Last name' | 'Username' | 'Primary email' | 'Password' | 'Activate now';

export class PeoplePage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly search: Locator;
  readonly addButton: Locator;
  readonly dialog: Locator;
  /** The confirmation after a person was added. */
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'People' });
    this.table = page.getByRole('table', { name: 'People' });
    this.search = page.getByRole('searchbox', { name: 'Search' });
    this.addButton = page.getByRole('button', { name: 'Add Person' }).first();
    this.dialog = page.getByRole('dialog', { name: 'Add Person' });
    this.notice = page.getByRole('status').filter({ hasText: /^Added / });
  }

  /** The UI with the token in the fragment, then Directory › People from the top navigation. */
  async open(uiUrl: string): Promise<void> {
    await this.page.goto(uiUrl);
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click();
    await this.heading.waitFor();
  }

  field(label: PersonFieldLabel): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  async add(person: Partial<Record<Exclude<PersonFieldLabel, 'Activate now'>, string>>): Promise<void> {
    await this.addButton.click();
    for (const [label, value] of Object.entries(person)) await this.field(label as PersonFieldLabel).fill(value);
    await this.dialog.getByRole('button', { name: 'Save' }).click();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The people listed, as their names. */
  names(): Promise<string[]> {
    return this.table.locator('tbody tr td:first-child').allInnerTexts();
  }
}
