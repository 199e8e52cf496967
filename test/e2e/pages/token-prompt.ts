/** Page model: the Admin token prompt shown when the token is missing or refused. */
import type { Locator, Page } from '@playwright/test';

export class TokenPrompt {
  readonly heading: Locator;
  readonly input: Locator;
  readonly save: Locator;
  readonly refusal: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Connect to this Authbox server' });
    this.input = page.getByLabel('Admin token', { exact: true });
    this.save = page.getByRole('button', { name: 'Save token' });
    this.refusal = page.getByRole('alert');
  }

  async enter(token: string): Promise<void> {
    await this.input.fill(token);
    await this.save.click();
  }
}
