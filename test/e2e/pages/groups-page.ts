/** Page model: Directory › Groups — the list, Add Group / Edit Group, and a group's page with its members and apps. */
import type { Locator, Page } from '@playwright/test';

export class GroupsPage {
  readonly table: Locator;
  readonly addButton: Locator;
  /** Add Group or Edit Group. */
  readonly dialog: Locator;
  readonly confirm: Locator;
  readonly members: Locator;
  readonly apps: Locator;
  /** The search of the members card, "Add people". */
  readonly memberSearch: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Groups' });
    this.addButton = page.getByRole('button', { name: 'Add Group' }).first();
    this.dialog = page.getByRole('dialog', { name: /^(Add|Edit) Group$/ });
    this.confirm = page.getByRole('dialog', { name: /^(Delete Group|Remove member)$/ });
    this.members = page.getByRole('table', { name: 'Members' });
    this.apps = page.getByRole('region', { name: 'Applications of this group' });
    this.memberSearch = page.getByRole('searchbox', { name: 'Add people' });
  }

  /** The UI with the token in the fragment, then Directory › Groups. */
  async open(uiUrl: string): Promise<void> {
    await this.page.goto(uiUrl);
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click();
    await this.page.getByRole('navigation', { name: 'Directory' }).getByRole('link', { name: 'Groups' }).click();
    await this.table.waitFor();
  }

  async openGroup(uiUrl: string, id: string): Promise<void> {
    await this.page.goto(uiUrl);
    await this.page.goto(`${new URL(uiUrl).origin}/#/groups/${encodeURIComponent(id)}`);
    await this.page.getByRole('heading', { level: 2, name: 'Members' }).waitFor();
  }

  field(label: 'Name' | 'Description'): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  async fill(group: { Name?: string; Description?: string }): Promise<void> {
    for (const [label, value] of Object.entries(group)) await this.field(label as 'Name' | 'Description').fill(value);
    await this.dialog.getByRole('button', { name: 'Save' }).click();
  }

  link(name: string): Locator {
    return this.table.getByRole('link', { name, exact: true });
  }

  member(login: string): Locator {
    return this.members.getByRole('row').filter({ hasText: login });
  }
}
