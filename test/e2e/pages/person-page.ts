/** Page model: one person's page — the profile with its custom attribute rows, the password, the status actions, groups and apps. */
import type { Locator, Page } from '@playwright/test';

export type StatusAction =
  'Activate' | 'Unlock' | 'Unsuspend' | 'Suspend' | 'Expire password' | 'Deactivate' | 'Delete';

export const STATUS_ACTIONS: StatusAction[] = [
  'Activate',
  'Unlock',
  'Unsuspend',
  'Suspend',
  'Expire password',
  'Deactivate',
  'Delete',
];

export class PersonPage {
  readonly heading: Locator;
  readonly profile: Locator;
  readonly passwordForm: Locator;
  /** The status actions beside the person's name. */
  readonly actions: Locator;
  readonly confirm: Locator;
  readonly groups: Locator;
  readonly apps: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.profile = page.getByRole('form', { name: 'Profile' });
    this.passwordForm = page.getByRole('form', { name: 'Change password' });
    this.actions = page.locator('.person-actions__buttons');
    this.confirm = page.getByRole('dialog', { name: /person$/ });
    this.groups = page.getByRole('region', { name: 'Groups' });
    this.apps = page.getByRole('region', { name: 'Applications of this person' });
  }

  async open(uiUrl: string, id: string): Promise<void> {
    await this.page.goto(uiUrl);
    await this.page.goto(`${new URL(uiUrl).origin}/#/people/${encodeURIComponent(id)}`);
    await this.profile.waitFor();
  }

  profileField(label: 'First name' | 'Last name' | 'Username' | 'Primary email'): Locator {
    return this.profile.getByLabel(label, { exact: true });
  }

  /** Custom attribute row `n` (from 1), a group holding "Attribute name" and "Attribute value". */
  attribute(n: number): Locator {
    return this.profile.getByRole('group', { name: `Custom attribute ${n}` });
  }

  attributeRows(): Locator {
    return this.profile.getByRole('group', { name: /^Custom attribute \d+$/ });
  }

  async addAttribute(name: string, value: string): Promise<void> {
    await this.profile.getByRole('button', { name: 'Add attribute' }).click();
    const row = this.attributeRows().last();
    await row.getByLabel('Attribute name').fill(name);
    await row.getByLabel('Attribute value').fill(value);
  }

  async saveProfile(): Promise<void> {
    await this.profile.getByRole('button', { name: 'Save' }).click();
  }

  action(name: StatusAction): Locator {
    return this.actions.getByRole('button', { name, exact: true });
  }

  /** The status actions shown, in their order. */
  shownActions(): Promise<string[]> {
    return this.actions.getByRole('button').allInnerTexts();
  }
}
