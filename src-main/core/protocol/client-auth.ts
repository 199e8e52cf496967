/**
 * Client authentication at the token endpoint (RFC 6749 §2.3, RFC 7523 §2.2 and §3, OIDC Core §9;
 * Okta "OpenID Connect & OAuth 2.0 API"). The request must use exactly one method, and it must be the app's
 * `token_endpoint_auth_method`. Every failure is `invalid_client` with Okta's one description;
 * the reason goes to `detail` for the event log.
 */
import type { AuthMethod } from '../../contracts/app.js';
import type { AppRecord } from '../ports/apps.js';
import type { Clock, Crypto } from '../ports/runtime.js';
import { verifyClientAssertion } from './client-assertion.js';
import type { AssertionAudiences } from './client-assertion.js';
import type { ClientAssertionRepository } from '../ports/client-assertions.js';
import type { FailureThrottle } from '../failure-throttle.js';
import { InvalidClient, InvalidRequest, OAuthError, OKTA_TEXT } from './oauth-errors.js';

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
export const MULTIPLE_CREDENTIALS =
  'Cannot supply multiple client credentials. Use one of the following: credentials in the Authorization header, credentials in the post body, or a client_assertion in the post body.';

/** What a request carried: the Basic header (already URL-decoded, RFC 6749 §2.3.1) and the body members. */
export interface PresentedCredentials {
  basic?: { clientId: string; clientSecret: string } | 'malformed';
  clientId?: string;
  clientSecret?: string;
  clientAssertion?: string;
  clientAssertionType?: string;
  /** The address the request came from (for the per-address throttle). */
  address?: string;
}

/** The one method a request used, with what it needs to check it. */
export type PresentedMethod =
  | { method: 'client_secret_basic' | 'client_secret_post'; clientId: string; secret: string }
  | { method: 'none'; clientId: string }
  | { method: 'jwt'; clientId: string | undefined; assertion: string };

export interface ClientAuthDeps {
  apps: { byClientId(clientId: string): AppRecord | undefined };
  assertions: ClientAssertionRepository;
  crypto: Crypto;
  clock: Clock;
  /** Growing delays after repeated wrong secrets or assertions for one client (none: no throttling). */
  throttle?: FailureThrottle;
  /** Growing delays after repeated failed client authentications, any client, from one address. */
  addressThrottle?: FailureThrottle;
}

/** Refused while the client's throttle is closed: nothing is checked, so guessing gains nothing. */
export const TOO_MANY_FAILURES = 'Too many failed client authentications. Try again later.';

export class TooManyFailures extends OAuthError {
  readonly error = 'invalid_client';
  override readonly status = 429;
}

/** A refusal while `key` is closed: 429 with the seconds to wait (`Retry-After`, RFC 9110 §10.2.3). */
function closed(throttle: FailureThrottle | undefined, key: string, who: string): TooManyFailures | undefined {
  const wait = throttle?.waitFor(key) ?? 0;
  if (wait <= 0) return undefined;
  const seconds = Math.ceil(wait / 1000);
  const error = new TooManyFailures(
    TOO_MANY_FAILURES,
    `${who} failed to authenticate too often; refused unchecked for ${seconds} s more`,
  );
  error.retryAfterSeconds = seconds;
  return error;
}

const failed = (detail: string) => new InvalidClient(OKTA_TEXT.clientAuthFailed, detail);

/** Which method the request used. @throws InvalidRequest for two methods at once, InvalidClient for none */
export function presentedMethod(c: PresentedCredentials): PresentedMethod {
  const inBody = c.clientSecret !== undefined || c.clientAssertion !== undefined || c.clientAssertionType !== undefined;
  const bodyMethods = [
    c.clientSecret !== undefined,
    c.clientAssertion !== undefined || c.clientAssertionType !== undefined,
  ];
  if ((c.basic && inBody) || bodyMethods.every(Boolean))
    throw new InvalidRequest(MULTIPLE_CREDENTIALS, 'credentials came by more than one method');
  if (c.basic === 'malformed') throw failed('the Authorization header is not Basic base64(client_id:client_secret)');
  if (c.basic) {
    if (c.clientId !== undefined && c.clientId !== c.basic.clientId)
      throw failed('the client_id in the body differs from the one in the Authorization header');
    return { method: 'client_secret_basic', clientId: c.basic.clientId, secret: c.basic.clientSecret };
  }
  if (c.clientAssertionType !== undefined || c.clientAssertion !== undefined) {
    if (c.clientAssertionType !== JWT_BEARER) throw failed(`client_assertion_type must be ${JWT_BEARER}`);
    if (!c.clientAssertion) throw failed('client_assertion is missing');
    return { method: 'jwt', clientId: c.clientId, assertion: c.clientAssertion };
  }
  if (c.clientId === undefined || c.clientId === '')
    throw new InvalidClient(OKTA_TEXT.noClientCredentials, 'no Authorization header, client_id or client_assertion');
  if (c.clientSecret !== undefined)
    return { method: 'client_secret_post', clientId: c.clientId, secret: c.clientSecret };
  return { method: 'none', clientId: c.clientId };
}

export class ClientAuthenticator {
  constructor(private readonly deps: ClientAuthDeps) {}

  /**
   * The ACTIVE app the credentials prove, authenticated with its own method.
   * `audiences` are what a client assertion may name as `aud` (RFC 7523 §3). Failed
   * authentications count for the client and for the request's address; while either is
   * closed the request is refused unchecked (429).
   * @throws InvalidRequest, InvalidClient, TooManyFailures
   */
  async authenticate(credentials: PresentedCredentials, audiences: AssertionAudiences): Promise<AppRecord> {
    const { addressThrottle } = this.deps;
    const address = credentials.address;
    if (address === undefined || !addressThrottle) return this.authenticateClient(credentials, audiences);
    const key = `client-auth ${address}`;
    const refusal = closed(addressThrottle, key, `address ${address}`);
    if (refusal) throw refusal;
    try {
      const app = await this.authenticateClient(credentials, audiences);
      addressThrottle.succeed(key);
      return app;
    } catch (error) {
      if (!(error instanceof InvalidClient)) throw error;
      const delay = addressThrottle.fail(key);
      if (!delay) throw error;
      throw new InvalidClient(
        error.description,
        `${error.detail}; the address ${address} now waits ${delay / 1000} s before its next try`,
      );
    }
  }

  private async authenticateClient(
    credentials: PresentedCredentials,
    audiences: AssertionAudiences,
  ): Promise<AppRecord> {
    const presented = presentedMethod(credentials);
    const clientId =
      presented.method === 'jwt'
        ? (presented.clientId ?? this.assertedClientId(presented.assertion))
        : presented.clientId;
    const app = this.deps.apps.byClientId(clientId);
    if (!app) throw failed(`no app has the client_id '${clientId}'`);
    if (app.status !== 'ACTIVE') throw failed(`the app ${app.id} is ${app.status}`);
    if (!usesMethod(app.authMethod, presented)) {
      throw failed(`the app authenticates with ${app.authMethod}, the request used ${describe(presented)}`);
    }
    const { throttle } = this.deps;
    const refusal = closed(throttle, app.clientId, `client ${app.clientId}`);
    if (refusal) throw refusal;
    const problem = await this.credentialProblem(app, presented, audiences);
    if (problem) {
      const delay = throttle?.fail(app.clientId) ?? 0;
      throw failed(delay ? `${problem}; the client now waits ${delay / 1000} s before its next try` : problem);
    }
    throttle?.succeed(app.clientId);
    return app;
  }

  /** What is wrong with the secret or assertion, or undefined when it proves the client. */
  private async credentialProblem(
    app: AppRecord,
    presented: PresentedMethod,
    audiences: AssertionAudiences,
  ): Promise<string | undefined> {
    if (presented.method === 'client_secret_basic' || presented.method === 'client_secret_post') {
      if (app.clientSecret === null || !sameSecret(presented.secret, app.clientSecret))
        return 'the client secret is wrong';
    }
    if (presented.method === 'jwt') {
      const problem = await verifyClientAssertion(this.deps, app, presented.assertion, audiences);
      if (problem) return `client_assertion: ${problem}`;
    }
    return undefined;
  }

  /** Without a body client_id the assertion's `sub` names the client (RFC 7523 §3 item 2). */
  private assertedClientId(assertion: string): string {
    const sub = this.deps.crypto.decodeJws(assertion)?.payload['sub'];
    if (typeof sub !== 'string' || sub === '') throw failed('client_assertion is not a JWT with a sub claim');
    return sub;
  }
}

function usesMethod(appMethod: AuthMethod, presented: PresentedMethod): boolean {
  if (presented.method === 'jwt') return appMethod === 'client_secret_jwt' || appMethod === 'private_key_jwt';
  return appMethod === presented.method;
}

function describe(presented: PresentedMethod): string {
  return presented.method === 'jwt' ? 'a client_assertion' : presented.method;
}

/** Compares every character whatever the first mismatch, so timing says little about the secret. */
function sameSecret(given: string, expected: string): boolean {
  let diff = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= (given.charCodeAt(i) || 0) ^ expected.charCodeAt(i);
  return diff === 0;
}
