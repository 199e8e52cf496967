/** Page model: the Flow Runner, found by its labels and button names. */
import type { Locator, Page } from '@playwright/test';
import { SignInPage } from './sign-in-page.js';

export class FlowRunnerPage {
  readonly run: Locator;
  readonly status: Locator;
  readonly checks: Locator;
  readonly decision: Locator;
  readonly tokens: Locator;

  constructor(readonly page: Page) {
    this.run = page.getByRole('region', { name: 'Run' });
    this.status = this.run.getByRole('status');
    this.checks = page.getByRole('region', { name: 'Client checks' });
    this.decision = page.getByRole('region', { name: 'Decision' });
    this.tokens = page.getByRole('region', { name: 'Tokens' });
  }

  async open(uiUrl: string): Promise<void> {
    await this.page.goto(uiUrl);
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flow Runner' }).click();
    await this.page.getByRole('heading', { name: 'Flow Runner' }).waitFor();
  }

  field(label: string): Locator {
    return this.page.getByRole('form', { name: 'New run' }).getByLabel(label, { exact: true });
  }

  async choose(app: string, flow: string): Promise<void> {
    await this.field('Application').selectOption({ label: app });
    await this.field('Flow').selectOption({ label: flow });
  }

  /** Clicks Run and signs in in the popup it opens. */
  async runSigningIn(username: string, password: string): Promise<void> {
    const popup = this.page.waitForEvent('popup');
    await this.page.getByRole('button', { name: 'Run', exact: true }).click();
    await new SignInPage(await popup).signInAs(username, password);
  }

  step(title: string): Locator {
    return this.run.getByRole('listitem').filter({ has: this.page.getByLabel(title) });
  }

  checkResults(result: 'Passed' | 'Failed'): Locator {
    return this.checks.getByText(result === 'Passed' ? '✓ Passed' : '✗ Failed');
  }
}
