/**
 * Page model: one authorization server on its Access Policies tab — the policy list, the selected
 * policy's details and rules, the Add New Access Policy / Edit Policy and Add Rule / Edit Rule
 * dialogs, and the delete confirmations.
 */
import type { Locator, Page } from '@playwright/test';

export class AccessPoliciesPage {
  readonly tab: Locator;
  readonly list: Locator;
  readonly addPolicy: Locator;
  readonly policyDialog: Locator;
  readonly details: Locator;
  readonly rulesTable: Locator;
  readonly addRule: Locator;
  readonly ruleDialog: Locator;
  readonly confirmDelete: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Access Policies' });
    this.list = page.getByRole('list', { name: 'Access policies in priority order' });
    this.addPolicy = page.getByRole('button', { name: 'Add New Access Policy' });
    this.policyDialog = page.getByRole('dialog', { name: /^(Add New Access Policy|Edit Policy)$/ });
    this.details = page.locator('.policy-details');
    this.rulesTable = page.getByRole('table', { name: 'Rules' });
    this.addRule = page.getByRole('button', { name: 'Add Rule' });
    this.ruleDialog = page.getByRole('dialog', { name: /^(Add|Edit) Rule$/ });
    this.confirmDelete = page.getByRole('dialog', { name: /^Delete (Policy|Rule)$/ });
  }

  /** The UI with the token in the fragment, then the server's Access Policies tab (and a policy) from its address. */
  async open(uiUrl: string, serverId: string, policyId?: string): Promise<void> {
    await this.page.goto(uiUrl);
    const tail = policyId ? `/${encodeURIComponent(policyId)}` : '';
    await this.page.goto(
      `${new URL(uiUrl).origin}/#/authorization-servers/${encodeURIComponent(serverId)}/access-policies${tail}`,
    );
  }

  /** The policies' names as listed, top (priority 1) first. */
  async policyNames(): Promise<string[]> {
    return this.list.locator('.policy-item__name').allTextContents();
  }

  policyItem(name: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.locator('.policy-item__name', { hasText: name }) });
  }

  policyLink(name: string): Locator {
    return this.policyItem(name).getByRole('link');
  }

  /** The rules' names as listed, top first. */
  async ruleNames(): Promise<string[]> {
    return this.rulesTable.locator('tbody th').allTextContents();
  }

  ruleRow(name: string): Locator {
    return this.rulesTable.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  ruleHandle(name: string): Locator {
    return this.ruleRow(name).getByRole('button', { name: new RegExp(`^Rule ${name}, priority`) });
  }

  policyField(label: 'Name' | 'Description'): Locator {
    return this.policyDialog.getByLabel(label, { exact: true });
  }

  ruleField(
    label:
      | 'Rule Name'
      | 'THEN Access token lifetime is'
      | 'Refresh token lifetime'
      | 'but will expire if not used every'
      | 'Unlimited',
  ): Locator {
    return this.ruleDialog.getByLabel(label, { exact: true });
  }

  unitOf(label: string): Locator {
    return this.ruleDialog.getByLabel(`${label} (unit)`, { exact: true });
  }

  /** The inline error under a field of a dialog. */
  errorOf(field: Locator): Locator {
    return field.locator('xpath=ancestor::div[contains(@class,"field")][1]').locator('.field__error');
  }
}
