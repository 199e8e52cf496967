/** Page model: the Token Inspector — its input form, the inspection (verdict, claims) and Compare. */
import type { Locator, Page } from '@playwright/test';

export class TokenInspectorPage {
  readonly form: Locator;
  readonly token: Locator;
  readonly key: Locator;
  readonly nonce: Locator;
  readonly inspectButton: Locator;
  readonly inspection: Locator;
  readonly verdict: Locator;
  readonly claims: Locator;
  readonly fault: Locator;
  readonly compareForm: Locator;
  readonly comparison: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Token to inspect' });
    this.token = this.form.getByLabel('Token', { exact: true });
    this.key = this.form.getByLabel('Verification key (JWK, JWKS or PEM)');
    this.nonce = this.form.getByLabel('Nonce sent');
    this.inspectButton = this.form.getByRole('button', { name: 'Inspect' });
    this.inspection = page.getByRole('region', { name: 'Inspection' });
    this.verdict = this.inspection.getByRole('region', { name: 'Signature verdict' });
    this.claims = this.inspection.getByRole('table', { name: 'Claims' });
    this.fault = page.getByRole('alert');
    this.compareForm = page.getByRole('form', { name: 'Tokens to compare' });
    this.comparison = page.getByRole('region', { name: 'Comparison' });
  }

  /** The UI with the admin token in the fragment, then Token Inspector from the top navigation. */
  async open(uiUrl: string): Promise<void> {
    await this.page.goto(uiUrl);
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Token Inspector' }).click();
  }

  async inspect(token: string, nonce = ''): Promise<void> {
    await this.token.fill(token);
    await this.nonce.fill(nonce);
    await this.inspectButton.click();
  }

  /** The claims table's row of `name` (its header cell carries the highlight labels). */
  claim(name: string): Locator {
    return this.claims.locator(`tr[data-claim="${name}"]`);
  }

  async compare(first: string, second: string): Promise<void> {
    await this.page.getByRole('tab', { name: 'Compare' }).click();
    await this.compareForm.getByLabel('First token').fill(first);
    await this.compareForm.getByLabel('Second token').fill(second);
    await this.compareForm.getByRole('button', { name: 'Compare' }).click();
  }

  diffRow(name: string): Locator {
    return this.comparison.locator(`tr[data-claim="${name}"]`);
  }
}
