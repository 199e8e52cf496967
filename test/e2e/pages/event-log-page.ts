/** Page model: the Event Log screen, its filters, the events table and the opened event. */
import type { Locator, Page } from '@playwright/test';

export class EventLogPage {
  readonly heading: Locator;
  readonly navLink: Locator;
  readonly table: Locator;
  readonly live: Locator;
  readonly empty: Locator;
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Event Log', level: 1 });
    this.navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Event Log' });
    this.table = page.getByRole('table', { name: 'Events' });
    this.live = page.getByRole('status', { name: /^Live updates/ });
    this.empty = page.getByText('No protocol requests yet. Request a token to see how the policies decided.');
    this.detail = page.getByRole('region', { name: 'Event details' });
  }

  /** The UI with the token in the fragment, then the Event Log through the main navigation. */
  async open(uiUrl: string): Promise<void> {
    await this.page.goto(uiUrl);
    await this.navLink.click();
  }

  filter(label: 'Server' | 'App' | 'User' | 'Endpoint' | 'Outcome' | 'Token jti'): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Searches the events that issued or presented the JWT with this `jti`. */
  async searchJti(jti: string): Promise<void> {
    await this.filter('Token jti').fill(jti);
    await this.page
      .getByRole('search', { name: 'Search by token jti' })
      .getByRole('button', { name: 'Search' })
      .click();
  }

  /** The opened event's exchange (request and response). */
  get exchange(): Locator {
    return this.detail.getByLabel('Exchange');
  }

  /** Event rows (the header row left out), newest first. */
  get rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** Rows whose Outcome badge says `outcome`. */
  rowsWith(outcome: 'Success' | 'Failure'): Locator {
    return this.rows.filter({ has: this.page.getByRole('cell', { name: outcome, exact: true }) });
  }

  async openEvent(row: Locator): Promise<void> {
    await row.getByRole('link', { name: /^Open / }).click();
  }

  /** One rule in the trace of the opened event, inside its policy's list of rules. */
  rule(policy: string, rule: string): Locator {
    return this.detail
      .getByRole('list', { name: `Rules of ${policy}` })
      .getByRole('listitem')
      .filter({ hasText: `Rule ${rule} ` });
  }

  /** A description-list value in the detail panel, by its term. */
  fact(term: string): Locator {
    const exact = new RegExp(`^${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    return this.detail.locator('dt', { hasText: exact }).locator('xpath=following-sibling::dd[1]');
  }
}
