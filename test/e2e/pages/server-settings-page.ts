/** Page model: one authorization server on its Settings tab. */
import type { Locator, Page } from '@playwright/test';

export class ServerSettingsPage {
  readonly heading: Locator;
  readonly settingsTab: Locator;
  readonly form: Locator;
  readonly issuerUri: Locator;
  readonly metadataUri: Locator;
  readonly copyIssuer: Locator;
  readonly activate: Locator;
  readonly deactivate: Locator;
  readonly keysTable: Locator;
  readonly rotateKey: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.settingsTab = page.getByRole('tab', { name: 'Settings' });
    this.form = page.getByRole('form', { name: 'Authorization server settings' });
    this.issuerUri = page.getByLabel('Issuer URI', { exact: true });
    this.metadataUri = page.getByLabel('Metadata URI', { exact: true });
    this.copyIssuer = page.getByRole('button', { name: 'Copy issuer URI' });
    this.activate = page.getByRole('button', { name: 'Activate', exact: true });
    this.deactivate = page.getByRole('button', { name: 'Deactivate', exact: true });
    this.keysTable = page.getByRole('table', { name: 'Signing keys' });
    this.rotateKey = page.getByRole('button', { name: 'Rotate key' });
  }

  field(label: 'Name' | 'Audience' | 'Description' | 'Issuer mode' | 'Rotation mode'): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Save' }).click();
  }

  /** The kid in the keys table row whose status is `status` ('Active', 'Next', 'Expired'). */
  keyRows(status: 'Active' | 'Next' | 'Expired'): Locator {
    return this.keysTable.getByRole('row').filter({ has: this.page.getByRole('cell', { name: status, exact: true }) });
  }

  kidOf(row: Locator): Locator {
    return row.getByRole('cell').first();
  }
}
