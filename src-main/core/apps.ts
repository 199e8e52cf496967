/**
 * OIDC applications (Okta "Applications" API): create, list, replace, lifecycle, delete.
 * Validation happens before any write; deleting is refused while the app is ACTIVE (403 E0000056)
 * or while an access policy names it, so nothing is left dangling.
 */
import { SECRET_METHODS } from '../contracts/app.js';
import type { AppStatus } from '../contracts/app.js';
import { validateApp } from '../contracts/app-rules.js';
import type { ExistingApp, ValidApp } from '../contracts/app-rules.js';
import { parseAppFilter } from './app-filter.js';
import type { AppDocument, AppRecord, AppRepository } from './ports/apps.js';
import { NotFound, Refused, ValidationFailed } from './errors.js';
import type { Clock, Crypto, Transactor } from './ports/runtime.js';
import type { Page } from './ports/page.js';
import { refuseIfReferenced } from './references.js';
import type { ReferenceRepository } from './ports/references.js';

export interface AppDeps {
  store: AppRepository;
  crypto: Crypto;
  clock: Clock;
  tx: Transactor;
  references: ReferenceRepository;
}

/** Okta client secrets are 40 random characters. */
const SECRET_LENGTH = 40;
const TAKEN = 'An object with this field already exists in the current organization';

export class Apps {
  constructor(private readonly deps: AppDeps) {}

  /** `q` is a case-insensitive label prefix; `filter` per `parseAppFilter`. @throws Refused (E0000031) */
  list(page: Page, options: { q?: string | undefined; filter?: string | undefined } = {}): AppRecord[] {
    const { query, matchesNothing } = parseAppFilter(options.filter);
    if (matchesNothing) return [];
    return this.deps.store.list(page, { ...query, q: options.q });
  }

  /** @throws NotFound */
  get(id: string): AppRecord {
    const app = this.deps.store.get(id);
    if (!app) throw new NotFound(id, 'Application');
    return app;
  }

  /** The app a protocol request names by `client_id`, if any. */
  byClientId(clientId: string): AppRecord | undefined {
    return this.deps.store.byClientId(clientId);
  }

  /** Validates `body` and creates the app, ACTIVE unless `activate` is false. @throws ValidationFailed */
  create(body: unknown, activate = true): AppRecord {
    const valid = this.validate(body);
    const now = this.deps.clock.now();
    const id = this.deps.crypto.randomId('0oa');
    const given = valid.input.credentials.oauthClient;
    const app: AppRecord = {
      id,
      label: valid.input.label,
      status: activate ? 'ACTIVE' : 'INACTIVE',
      clientId: given.client_id ?? id,
      clientSecret: this.secretFor(valid, null),
      authMethod: valid.authMethod,
      applicationType: valid.oauth.application_type,
      document: documentOf(valid),
      created: now,
      lastUpdated: now,
    };
    this.deps.tx.run(() => {
      this.assertClientIdFree(app.clientId, id);
      this.deps.store.insert(app);
    });
    return app;
  }

  /**
   * PUT semantics: every writable member is replaced. `application_type` and `client_id` cannot
   * change; the secret is kept unless a new one is given or the auth method stops using one.
   * @throws NotFound, ValidationFailed
   */
  replace(id: string, body: unknown): AppRecord {
    const existing = this.get(id);
    const valid = this.validate(body, { applicationType: existing.applicationType, clientId: existing.clientId });
    const updated: AppRecord = {
      ...existing,
      label: valid.input.label,
      clientSecret: this.secretFor(valid, existing.clientSecret),
      authMethod: valid.authMethod,
      document: documentOf(valid),
      lastUpdated: this.deps.clock.now(),
    };
    this.deps.store.update(updated);
    return updated;
  }

  /** @throws NotFound */
  setStatus(id: string, status: AppStatus): AppRecord {
    const app = this.get(id);
    if (app.status === status) return app;
    const updated = { ...app, status, lastUpdated: this.deps.clock.now() };
    this.deps.store.update(updated);
    return updated;
  }

  /**
   * Okta deletes only INACTIVE apps (403 E0000056), and Authbox refuses while an access policy
   * still names the app. Its assignments go with it. @throws NotFound, Refused
   */
  delete(id: string): void {
    this.deps.tx.run(() => {
      const app = this.get(id);
      if (app.status === 'ACTIVE') {
        throw new Refused('E0000056', `Delete application forbidden: the app ${id} is ACTIVE; deactivate it first.`, [
          {
            field: 'status',
            message: 'an ACTIVE app cannot be deleted; POST /api/v1/apps/{appId}/lifecycle/deactivate first',
          },
        ]);
      }
      refuseIfReferenced(`app ${id}`, this.deps.references.toApp(id));
      this.deps.store.delete(id);
    });
  }

  private validate(body: unknown, existing?: ExistingApp): ValidApp {
    const result = validateApp(body, existing);
    if (!result.ok) throw new ValidationFailed(result.issues);
    return result.value;
  }

  /** A given secret wins; otherwise keep the current one, or generate one for a secret method. */
  private secretFor(valid: ValidApp, current: string | null): string | null {
    if (!SECRET_METHODS.includes(valid.authMethod)) return null;
    return valid.input.credentials.oauthClient.client_secret ?? current ?? this.deps.crypto.randomId('', SECRET_LENGTH);
  }

  private assertClientIdFree(clientId: string, appId: string): void {
    const holder = this.deps.store.byClientId(clientId);
    if (holder && holder.id !== appId) {
      throw new ValidationFailed([{ field: 'credentials.oauthClient.client_id', message: TAKEN }]);
    }
  }
}

function documentOf({ input, oauth, pkceRequired }: ValidApp): AppDocument {
  return {
    profile: input.profile,
    visibility: {
      autoLaunch: false,
      autoSubmitToolbar: false,
      hide: { iOS: false, web: false },
      appLinks: { oidc_client_link: true },
      ...input.visibility,
    },
    accessibility: { selfService: false, errorRedirectUrl: null, loginRedirectUrl: null, ...input.accessibility },
    features: input.features,
    userNameTemplate: input.credentials.userNameTemplate ?? { template: '${source.login}', type: 'BUILT_IN' },
    autoKeyRotation: input.credentials.oauthClient.autoKeyRotation,
    pkceRequired,
    oauth,
  };
}
