/**
 * The sandbox previews (DESIGN.md: "a preview uses the same code path as real issuance"): the value
 * of an expression, and the payloads a server's tokens and /userinfo would carry, for a chosen user,
 * app and scope set. They run the token minter's payload builders and the same claims hook as
 * issuance; nothing is signed or stored. Given a grant type, the token endpoint's checks and the
 * policy evaluation decide the scopes and the lifetime; without one the scopes are taken as granted.
 */
import { GRANT_TYPES } from '../../contracts/app.js';
import {
  validateClaimsPreview,
  validateExpressionCheck,
  validateExpressionPreview,
} from '../../contracts/claims-preview.js';
import type {
  ClaimsPreviewDto,
  ExpressionCheckDto,
  ExpressionPreviewDto,
  ValidPreviewSubject,
} from '../../contracts/claims-preview.js';
import type { AppRecord } from '../ports/apps.js';
import { ValidationFailed } from '../errors.js';
import { evaluateExpression } from '../expression/index.js';
import type { AuthorizationServerRecord } from '../ports/authorization-servers.js';
import type { Clock } from '../ports/runtime.js';
import type { UserRecord } from '../ports/users.js';
import { ClaimFailed } from './claim-failed.js';
import { ORG_OIDC_SCOPES, ORG_SERVER_ID, isOktaApiScope } from '../org-server.js';
import { AccessDenied, OAuthError, OKTA_TEXT } from './oauth-errors.js';
import { checkGrantType } from './token-grants/check-grant-type.js';
import { decideForApp } from './policy/decide-for-app.js';
import type { PolicyDeps } from './policy/decide-for-app.js';
import type { CustomClaims } from './custom-claims.js';
import type { MintRequest, TokenMinter } from './tokens.js';
import type { ClaimTrace, DecisionTrace } from './trace.js';
import { userinfoClaims } from './userinfo.js';

export interface PreviewDeps extends PolicyDeps {
  servers: { get(id: string): AuthorizationServerRecord; org(): AuthorizationServerRecord };
  apps: { get(id: string): AppRecord };
  users: PolicyDeps['users'] & { get(id: string): UserRecord };
  scopes: PolicyDeps['scopes'] & { unknownNames(serverId: string, names: string[]): string[] };
  appAssignments: {
    appUserName(appId: string, userId: string): string | undefined;
    isUserAssigned(appId: string, userId: string): boolean;
  };
  tokens: Pick<TokenMinter, 'accessTokenPayload' | 'idTokenPayload'>;
  customClaims: CustomClaims;
  clock: Clock;
}

/** Without a grant type no rule decides: Okta's default rule lifetime. */
const PREVIEW_LIFETIME_MINUTES = 60;

export class Previews {
  constructor(private readonly deps: PreviewDeps) {}

  /** Whether an expression parses and names only known functions and names (what saving a claim checks). @throws ValidationFailed */
  check(body: unknown): ExpressionCheckDto {
    const parsed = this.deps.customClaims.parse(valid(validateExpressionCheck(body)).expression);
    return parsed.ok ? { ok: true } : parsed;
  }

  /** The value of an expression, or its parse or run-time error with the span. @throws ValidationFailed, NotFound (user, app) */
  expression(body: unknown): ExpressionPreviewDto {
    const request = valid(validateExpressionPreview(body));
    const { client, user } = this.subject(request);
    const parsed = this.deps.customClaims.parse(request.expression);
    if (!parsed.ok) return parsed;
    return evaluateExpression(
      parsed.expression,
      this.deps.customClaims.expressionContext({ client, user, scopes: request.scopes }),
    );
  }

  /**
   * What the server's tokens would carry; with `grantType`, after the same grant-type, assignment
   * and policy checks as a token request. @throws ValidationFailed (body, unknown scopes), NotFound (server, user, app)
   */
  claims(serverId: string, issuer: string, body: unknown): ClaimsPreviewDto {
    const server = this.server(serverId);
    const request = valid(validateClaimsPreview(body));
    if (!request.grantType) this.checkScopesExist(server.id, request.scopes);
    const { client, user } = this.subject(request);
    const trace: ClaimTrace[] = [];
    let decision: DecisionTrace | undefined;
    try {
      let granted = { scopes: request.scopes, accessTokenMinutes: PREVIEW_LIFETIME_MINUTES };
      if (request.grantType) {
        const evaluated = this.decide(server.id, client, request.grantType, user, request.scopes);
        decision = evaluated.trace;
        if (!evaluated.ok) throw evaluated.error;
        granted = { scopes: evaluated.scopes, accessTokenMinutes: evaluated.lifetimes.accessTokenMinutes };
      }
      const mint: MintRequest = {
        server,
        issuer,
        client,
        ...granted,
        user: user && {
          record: user,
          appUserName: this.deps.appAssignments.appUserName(client.id, user.id) ?? user.profile.login,
          authTime: this.deps.clock.now(),
          amr: ['pwd'],
        },
        idToken: user !== null && granted.scopes.includes('openid'),
      };
      const collect = <T extends { trace: ClaimTrace[] }>(built: T): T => (trace.push(...built.trace), built);
      const accessToken = collect(this.deps.tokens.accessTokenPayload(mint)).payload;
      const forUser =
        mint.idToken && user
          ? {
              idToken: collect(this.deps.tokens.idTokenPayload(mint, {})).payload,
              idTokenFull: collect(this.deps.tokens.idTokenPayload(mint, { fat: true })).payload,
              userinfo: collect(
                userinfoClaims(this.deps.customClaims, { server, client, user, scopes: granted.scopes }),
              ).claims,
            }
          : { idToken: null, idTokenFull: null, userinfo: null };
      return { ok: true, accessToken, ...forUser, trace, ...(decision ? { decision } : {}) };
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      const claims = error instanceof ClaimFailed ? error.claims : [];
      return {
        ok: false,
        error: { error: error.error, error_description: error.description, detail: error.detail ?? '' },
        trace: [...trace, ...claims],
        ...(decision ? { decision } : {}),
      };
    }
  }

  /** The token endpoint's own checks: the app's grant types, the user's assignment, the access policies. @throws OAuthError */
  private decide(serverId: string, client: AppRecord, grantType: string, user: UserRecord | null, scopes: string[]) {
    checkGrantType({ grant_type: grantType }, client, GRANT_TYPES);
    if (user && !this.deps.appAssignments.isUserAssigned(client.id, user.id)) {
      throw new AccessDenied(
        OKTA_TEXT.notAssigned,
        `user ${user.id} is assigned to the app ${client.id} neither directly nor through a group`,
      );
    }
    return decideForApp(this.deps, serverId, client, grantType, user, scopes.length ? scopes.join(' ') : undefined);
  }

  /**
   * A custom server, or the org server by its reserved id: the org server has a Token Preview too.
   * @throws NotFound
   */
  server(serverId: string): AuthorizationServerRecord {
    return serverId === ORG_SERVER_ID ? this.deps.servers.org() : this.deps.servers.get(serverId);
  }

  private checkScopesExist(serverId: string, scopes: string[]): void {
    // The org server has no scope records: its OpenID Connect scopes and Okta's API scopes.
    const unknown =
      serverId === ORG_SERVER_ID
        ? scopes.filter((name) => !(ORG_OIDC_SCOPES as readonly string[]).includes(name) && !isOktaApiScope(name))
        : this.deps.scopes.unknownNames(serverId, scopes);
    if (unknown.length) {
      throw new ValidationFailed([
        {
          field: 'scopes',
          message: `${unknown.map((s) => `'${s}'`).join(', ')} ${unknown.length > 1 ? 'are not scopes' : 'is not a scope'} of this authorization server`,
        },
      ]);
    }
  }

  private subject(request: ValidPreviewSubject): { client: AppRecord; user: UserRecord | null } {
    return {
      client: this.deps.apps.get(request.appId),
      user: request.userId === null ? null : this.deps.users.get(request.userId),
    };
  }
}

function valid<T>(
  result: { ok: true; value: T } | { ok: false; issues: ConstructorParameters<typeof ValidationFailed>[0] },
): T {
  if (!result.ok) throw new ValidationFailed(result.issues);
  return result.value;
}
