/** Page model: the Authorization Servers screen and its Add Authorization Server dialog. */
import type { Locator, Page } from '@playwright/test';

export interface NewServer {
  name: string;
  audience: string;
  description: string;
}

export class ServersPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly addButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Authorization Servers', level: 1 });
    this.table = page.getByRole('table', { name: 'Authorization Servers' });
    this.addButton = page.getByRole('button', { name: 'Add Authorization Server' });
    this.dialog = page.getByRole('dialog', { name: 'Add Authorization Server' });
  }

  /** Opens the UI the way the server's start-up line says: the token in the fragment. */
  async open(uiUrl: string): Promise<void> {
    await this.page.goto(uiUrl);
  }

  /** The table row whose Name cell is `name` (names are links to the server's Settings). */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** Cell text of a row by column: 0 Name, 1 Audience, 2 Issuer URI, 3 Status. */
  cell(name: string, column: number): Locator {
    return this.row(name).getByRole('cell').nth(column);
  }

  field(label: 'Name' | 'Audience' | 'Description'): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  async fillNewServer(server: NewServer): Promise<void> {
    await this.addButton.click();
    await this.field('Name').fill(server.name);
    await this.field('Audience').fill(server.audience);
    await this.field('Description').fill(server.description);
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Save' }).click();
  }

  async cancel(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel' }).click();
  }

  async openServer(name: string): Promise<void> {
    await this.row(name).getByRole('link', { name, exact: true }).click();
  }
}
