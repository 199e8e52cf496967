/**
 * The custom claims of an authorization server in its tokens (Okta "Authorization Server Claims" API, "OpenID Connect & OAuth 2.0 API"): RESOURCE claims
 * in access tokens; IDENTITY claims in ID tokens — only those with `alwaysIncludeInToken` in a thin
 * ID token — and in /userinfo. A claim is left out when INACTIVE, when its `conditions.scopes` name
 * none of the granted scopes, or when its value is null (or, for GROUPS, no group matched). A claim
 * that cannot be computed fails the request (`ClaimFailed`). SYSTEM claims (the default server's
 * `sub`) are the token minter's own. Every claim considered leaves a trace entry.
 */
import type { ClaimRecord } from '../ports/claims.js';
import { evaluateExpression, parseExpression } from '../expression/index.js';
import type { ExpressionContext, ParseResult } from '../expression/index.js';
import type { GroupRecord } from '../ports/groups.js';
import type { Clock } from '../ports/runtime.js';
import { ClaimFailed } from './claim-failed.js';
import { groupClaimValue } from './group-claims.js';
import { isOrgServer } from '../org-server.js';
import { orgGroupsClaim } from './org-groups-claim.js';
import { OKTA_TEXT } from './oauth-errors.js';
import type { ClaimsContext, ClaimsHook } from './tokens.js';
import type { ClaimTrace } from './trace.js';

/** What `org.*` reads. A sandbox has one org: its id is the install's, its name and subdomain fixed. */
export interface OrgProfile {
  id: string;
  name: string;
  subDomain: string;
}

/** Okta's sample org subdomain (Okta "Expression Language overview"); a sandbox has no tenant name of its own. */
export const SANDBOX_ORG = { name: 'Authbox', subDomain: 'sandbox' } as const;

export interface CustomClaimsDeps {
  claims: { listByServer(serverId: string): ClaimRecord[] };
  groups: { ofUser(userId: string): GroupRecord[] };
  appUsers: { appUserProfile(appId: string, userId: string): Record<string, unknown> };
  clock: Clock;
  org: OrgProfile;
}

type Outcome = { ok: true; value: unknown } | { ok: false; description: string; reason: string };

/** Parsed expressions by source: a server's claims are parsed once, not on every token. */
const PARSE_CACHE_SIZE = 1000;

export class CustomClaims implements ClaimsHook {
  private readonly parsed = new Map<string, ParseResult>();

  constructor(private readonly deps: CustomClaimsDeps) {}

  /** @throws ClaimFailed when a claim's expression fails or a GROUPS claim matches more than 100 groups */
  claimsFor(context: ClaimsContext): { claims: Record<string, unknown>; trace: ClaimTrace[] } {
    // The org server has no custom claims; its one claim is the groups claim (`org-groups-claim.ts`).
    if (isOrgServer(context.server)) return orgGroupsClaim(context, (userId) => this.deps.groups.ofUser(userId));
    const claimType = context.token === 'access_token' ? 'RESOURCE' : 'IDENTITY';
    const candidates = this.deps.claims
      .listByServer(context.server.id)
      .filter((c) => c.claimType === claimType && c.valueType !== 'SYSTEM');
    const claims: Record<string, unknown> = {};
    const trace: ClaimTrace[] = [];
    let expressionContext: ExpressionContext | undefined;
    for (const claim of candidates) {
      const entry: ClaimTrace = {
        name: claim.name,
        token: context.token,
        source: sourceOf(claim),
        expression: claim.value,
      };
      const leftOut = whyLeftOut(claim, context);
      if (leftOut) {
        trace.push({ ...entry, omitted: leftOut });
        continue;
      }
      expressionContext ??= this.expressionContext(context);
      const outcome =
        claim.valueType === 'GROUPS'
          ? groupsOutcome(claim, expressionContext)
          : this.expressionOutcome(claim, expressionContext);
      if (!outcome.ok) {
        trace.push({ ...entry, omitted: `failed: ${outcome.reason}` });
        throw new ClaimFailed(outcome.description, `claim '${claim.name}' (${claim.id}): ${outcome.reason}`, trace);
      }
      if (isEmpty(outcome.value)) {
        trace.push({
          ...entry,
          omitted: claim.valueType === 'GROUPS' ? 'no group matched' : 'the expression gave null',
        });
        continue;
      }
      claims[claim.name] = outcome.value;
      trace.push({ ...entry, value: outcome.value });
    }
    return { claims, trace };
  }

  /** What an expression sees for this request (Okta "Expression Language overview"): the user, the app user, the app, the org, the granted scopes. */
  expressionContext(context: Pick<ClaimsContext, 'client' | 'user' | 'scopes'>): ExpressionContext {
    const { user, client } = context;
    return {
      user: user && {
        id: user.id,
        status: user.status,
        profile: user.profile,
        groups: this.deps.groups
          .ofUser(user.id)
          .map((g) => ({ id: g.id, name: g.name, type: g.type, sourceId: this.deps.org.id })),
      },
      appuser: user && this.deps.appUsers.appUserProfile(client.id, user.id),
      app: { id: client.id, clientId: client.clientId, profile: client.document.profile },
      org: { name: this.deps.org.name, subDomain: this.deps.org.subDomain },
      scopes: context.scopes,
      now: this.deps.clock.now(),
    };
  }

  /** Parses (once per source) and name-checks an expression. */
  parse(source: string): ParseResult {
    let result = this.parsed.get(source);
    if (!result) {
      if (this.parsed.size >= PARSE_CACHE_SIZE) this.parsed.clear();
      result = parseExpression(source);
      this.parsed.set(source, result);
    }
    return result;
  }

  private expressionOutcome(claim: ClaimRecord, context: ExpressionContext): Outcome {
    const parsed = this.parse(claim.value);
    const evaluated = parsed.ok ? evaluateExpression(parsed.expression, context) : parsed;
    if (evaluated.ok) return { ok: true, value: evaluated.value };
    return {
      ok: false,
      description: OKTA_TEXT.claimNotEvaluated(claim.name),
      reason: `${evaluated.error.code}: ${evaluated.error.message}`,
    };
  }
}

function groupsOutcome(claim: ClaimRecord, context: ExpressionContext): Outcome {
  const result = groupClaimValue(claim.groupFilterType!, claim.value, context.user?.groups ?? []);
  if (result.ok) return result;
  const description = result.tooMany ? OKTA_TEXT.tooManyGroups : OKTA_TEXT.claimNotEvaluated(claim.name);
  return { ok: false, description, reason: result.reason };
}

function sourceOf(claim: ClaimRecord): string {
  return `claim ${claim.id} (${claim.claimType} ${claim.valueType}${claim.groupFilterType ? ` ${claim.groupFilterType}` : ''})`;
}

/** Why a claim stays out of this token before anything is evaluated, or undefined. */
function whyLeftOut(claim: ClaimRecord, context: ClaimsContext): string | undefined {
  if (claim.status === 'INACTIVE') return 'the claim is INACTIVE';
  if (context.token === 'id_token' && !context.fat && !claim.alwaysIncludeInToken) {
    return 'included only in /userinfo and ID tokens requested alone (alwaysIncludeInToken is false)';
  }
  const needed = claim.conditionScopes;
  if (needed.length && !needed.some((scope) => context.scopes.includes(scope))) {
    return `needs one of the scopes [${needed.join(', ')}]; granted [${context.scopes.join(', ')}]`;
  }
  if (claim.valueType === 'GROUPS' && !context.user) return 'no user (a GROUPS claim lists the user’s groups)';
  return undefined;
}

/** A null value omits the claim (Okta "Authorization Server Claims" API); so does a GROUPS claim no group matched. */
function isEmpty(value: unknown): boolean {
  return value === null || value === undefined;
}
