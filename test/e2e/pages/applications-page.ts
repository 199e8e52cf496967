/**
 * Page model: the Applications list, the Create App Integration wizard, and one app's page (General
 * and Assignments tabs, lifecycle buttons, the assign and confirm dialogs).
 */
import type { Locator, Page } from '@playwright/test';

export type AppTypeLabel = 'Web Application' | 'Single-Page Application' | 'Native Application' | 'API Services';

export class ApplicationsPage {
  readonly table: Locator;
  readonly search: Locator;
  readonly createButton: Locator;
  /** The wizard, whichever step it is on. */
  readonly wizard: Locator;
  readonly generalForm: Locator;
  readonly heading: Locator;
  readonly activate: Locator;
  readonly deactivate: Locator;
  readonly deleteButton: Locator;
  readonly confirmDelete: Locator;
  readonly confirmRemove: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Applications' });
    this.search = page.getByRole('searchbox', { name: 'Search' });
    this.createButton = page.getByRole('button', { name: 'Create App Integration' });
    this.wizard = page.getByRole('dialog', { name: /app integration/i });
    this.generalForm = page.getByRole('form', { name: 'Application settings' });
    this.heading = page.getByRole('heading', { level: 1 });
    this.activate = page.getByRole('button', { name: 'Activate', exact: true });
    this.deactivate = page.getByRole('button', { name: 'Deactivate', exact: true });
    this.deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
    this.confirmDelete = page.getByRole('dialog', { name: 'Delete Application' });
    this.confirmRemove = page.getByRole('dialog', { name: 'Remove Assignment' });
  }

  /** The UI with the token in the fragment, then `#/applications…`. */
  async open(uiUrl: string, path = ''): Promise<void> {
    await this.page.goto(uiUrl);
    await this.page.goto(`${new URL(uiUrl).origin}/#/applications${path}`);
  }

  async openApp(uiUrl: string, appId: string, tab: 'general' | 'assignments' = 'general'): Promise<void> {
    await this.open(uiUrl, `/${encodeURIComponent(appId)}/${tab}`);
  }

  /** Create App Integration → OIDC → the type → Next: the settings step is open. */
  async startCreate(type: AppTypeLabel): Promise<void> {
    await this.createButton.click();
    await this.wizard.getByRole('radio', { name: new RegExp(`^${type}`) }).check();
    await this.wizard.getByRole('button', { name: 'Next' }).click();
  }

  field(label: string, scope: Locator = this.wizard): Locator {
    return scope.getByLabel(label, { exact: true });
  }

  grant(label: string, scope: Locator = this.wizard): Locator {
    return scope.getByRole('group', { name: 'Grant type' }).getByRole('checkbox', { name: label, exact: true });
  }

  /** A redirect URI row's input: `Sign-in redirect URI 1`. */
  uriRow(kind: 'Sign-in' | 'Sign-out', index: number, scope: Locator = this.wizard): Locator {
    return scope.getByRole('textbox', { name: `${kind} redirect URI ${index}`, exact: true });
  }

  uriList(kind: 'Sign-in' | 'Sign-out', scope: Locator = this.wizard): Locator {
    return scope.getByRole('group', { name: `${kind} redirect URIs` });
  }

  async save(scope: Locator = this.wizard): Promise<void> {
    await scope.getByRole('button', { name: 'Save' }).click();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  tab(name: 'General' | 'Assignments'): Locator {
    return this.page.getByRole('tab', { name });
  }

  get clientId(): Locator {
    return this.page.getByLabel('Client ID', { exact: true });
  }

  get clientSecret(): Locator {
    return this.page.getByLabel('Client secret', { exact: true });
  }

  /** The app id in the address of its page. */
  appIdFromUrl(): string {
    const match = /#\/applications\/([^/]+)\//.exec(this.page.url());
    if (!match?.[1]) throw new Error(`not on an app page: ${this.page.url()}`);
    return decodeURIComponent(match[1]);
  }

  assignedPeople(): Locator {
    return this.page.getByRole('table', { name: 'Assigned people' });
  }

  assignedGroups(): Locator {
    return this.page.getByRole('table', { name: 'Assigned groups' });
  }

  assignDialog(kind: 'People' | 'Groups'): Locator {
    return this.page.getByRole('dialog', { name: new RegExp(`^Assign .* to ${kind}$`) });
  }
}
