/**
 * Okta API scopes granted to apps (Okta "Application Grants" API): an app may ask the org
 * authorization server for an `okta.*` scope only once the scope is granted to it. The body names
 * the org URL as `issuer` and the scope as `scopeId`.
 */
import { ValidationFailed, NotFound } from './errors.js';
import type { Apps } from './apps.js';
import { isOktaApiScope } from './org-server.js';
import type { AppGrantRecord, AppGrantRepository } from './ports/app-grants.js';
import type { Clock, Crypto } from './ports/runtime.js';

export interface AppGrantDeps {
  store: AppGrantRepository;
  apps: Pick<Apps, 'get'>;
  crypto: Crypto;
  clock: Clock;
}

export class AppGrants {
  constructor(private readonly deps: AppGrantDeps) {}

  /** @throws NotFound (the app) */
  list(appId: string): AppGrantRecord[] {
    this.deps.apps.get(appId);
    return this.deps.store.list(appId);
  }

  /** @throws NotFound (the app or the grant) */
  get(appId: string, grantId: string): AppGrantRecord {
    this.deps.apps.get(appId);
    const grant = this.deps.store.get(appId, grantId);
    if (!grant) throw new NotFound(grantId, 'OAuth2ScopeConsentGrant');
    return grant;
  }

  /**
   * Grants `body.scopeId` for the org URL `orgUrl`; granting a scope the app already has answers
   * the existing grant, as a repeated grant in Okta's Admin Console changes nothing.
   * @throws NotFound (the app), ValidationFailed (issuer or scopeId)
   */
  grant(appId: string, body: unknown, orgUrl: string): AppGrantRecord {
    this.deps.apps.get(appId);
    const { issuer, scopeId } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const issues = [];
    if (typeof issuer !== 'string' || issuer === '') issues.push({ field: 'issuer', message: 'is required' });
    else if (issuer.replace(/\/+$/, '') !== orgUrl)
      issues.push({ field: 'issuer', message: `must be the org URL ${orgUrl}` });
    if (typeof scopeId !== 'string' || scopeId === '') issues.push({ field: 'scopeId', message: 'is required' });
    else if (!isOktaApiScope(scopeId))
      issues.push({ field: 'scopeId', message: `'${scopeId}' is not an Okta API scope this org offers` });
    if (issues.length) throw new ValidationFailed(issues);
    const existing = this.deps.store.byScope(appId, scopeId as string);
    if (existing) return existing;
    const now = this.deps.clock.now();
    const grant: AppGrantRecord = {
      id: this.deps.crypto.randomId('oag'),
      appId,
      scopeId: scopeId as string,
      issuer: orgUrl,
      created: now,
      lastUpdated: now,
    };
    this.deps.store.insert(grant);
    return grant;
  }

  /** @throws NotFound (the app or the grant) */
  revoke(appId: string, grantId: string): void {
    this.deps.apps.get(appId);
    if (!this.deps.store.delete(appId, grantId)) throw new NotFound(grantId, 'OAuth2ScopeConsentGrant');
  }

  /** The Okta API scopes granted to the app (what the org server may put in its tokens). */
  grantedScopes(appId: string): string[] {
    return this.deps.store.list(appId).map((grant) => grant.scopeId);
  }
}
