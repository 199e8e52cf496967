/** Page model: one authorization server on its Token Preview tab, the request form and what it found (the policy decision too). */
import type { Locator, Page } from '@playwright/test';

export type PayloadTitle = 'Access token' | 'ID token' | 'ID token (response_type=id_token)' | 'Userinfo';

export class TokenPreviewPage {
  readonly tab: Locator;
  readonly form: Locator;
  readonly previewButton: Locator;
  readonly result: Locator;
  readonly trace: Locator;
  readonly failure: Locator;
  /** How the access policies decided, for a chosen grant type. */
  readonly decision: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Token Preview' });
    this.form = page.getByRole('form', { name: 'Token Preview request' });
    this.previewButton = this.form.getByRole('button', { name: 'Preview Token' });
    this.result = page.getByRole('region', { name: 'Token Preview result' });
    this.trace = this.result.getByRole('table', { name: 'Claims trace' });
    this.failure = this.result.getByRole('alert');
    this.decision = this.result.getByRole('region', { name: 'Policy decision' });
  }

  /** The UI with the token in the fragment, then the server's page, then its Token Preview tab. */
  async open(uiUrl: string, serverId: string): Promise<void> {
    await this.page.goto(uiUrl);
    await this.page.goto(`${new URL(uiUrl).origin}/#/authorization-servers/${encodeURIComponent(serverId)}/settings`);
    await this.tab.click();
  }

  field(label: 'OAuth/OIDC client' | 'Grant type' | 'User' | 'Scopes'): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  /** `grantType` by its label; left as it is (Any) when absent. */
  async preview(client: string, user: string, scopes: string, grantType?: string): Promise<void> {
    await this.field('OAuth/OIDC client').selectOption({ label: client });
    if (grantType) await this.field('Grant type').selectOption({ label: grantType });
    await this.field('User').selectOption({ label: user });
    await this.field('Scopes').fill(scopes);
    await this.previewButton.click();
  }

  payload(title: PayloadTitle): Locator {
    return this.result.getByRole('region', { name: title, exact: true });
  }

  /** The highlighted (custom) claims of one payload. */
  customClaims(title: PayloadTitle): Locator {
    return this.payload(title).locator('mark.custom-claim');
  }

  /** Trace rows of the claim `name` (one per token it was considered for). */
  traceRows(name: string): Locator {
    return this.trace.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  /** A description-list value of the failure (or of `within`, e.g. the decision's scopes and lifetimes), by its term. */
  fact(term: string, within: Locator = this.failure): Locator {
    return within
      .locator('dt', { hasText: new RegExp(`^${term.replace(/[()]/g, '\\$&')}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  /** A rule of `policy` in the decision, with its outcome and reason. */
  rule(policy: string, name: string): Locator {
    return this.decision
      .getByRole('list', { name: `Rules of ${policy}` })
      .getByRole('listitem')
      .filter({ hasText: `Rule ${name} ` });
  }

  /** A policy of the decision, its rules included. */
  policy(name: string): Locator {
    return this.decision
      .getByRole('list', { name: 'Access policies' })
      .getByRole('listitem')
      .filter({ hasText: `Policy ${name} ` });
  }
}
