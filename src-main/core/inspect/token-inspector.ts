/**
 * The Token Inspector against this Authbox: decodes a token, finds the local server whose issuer is
 * its `iss` and the key by `kid` among all that server's keys (ACTIVE, NEXT and EXPIRED), names the
 * claim definition behind each custom claim, checks `at_hash` / `c_hash` and the nonce, and gives a
 * signature verdict — against the server's keys, or a pasted JWK, JWKS or PEM. Nothing is stored.
 */
import type {
  ClaimDefinitionDto,
  InspectedClaim,
  NonceCheck,
  SignatureVerdict,
  TokenInspectionDto,
  TokenKind,
  ValidInspectTokenRequest,
} from '../../contracts/inspect.js';
import { validateInspectToken } from '../../contracts/inspect.js';
import { ValidationFailed } from '../errors.js';
import type { AuthorizationServerRecord, SigningKeyRecord } from '../ports/authorization-servers.js';
import type { ClaimRecord } from '../ports/claims.js';
import type { PemKeyReader } from '../ports/key-import.js';
import type { Clock, Crypto } from '../ports/runtime.js';
import { TIME_CLAIMS, classifyClaim } from './claim-catalogue.js';
import { decodeToken } from './decode.js';
import type { DecodedToken } from './decode.js';
import { checkHashes } from './hashes.js';
import { readPastedKey } from './pasted-key.js';
import { signatureVerdict } from './verdict.js';
import type { CandidateKey } from './verdict.js';

export interface TokenInspectorDeps {
  servers: {
    get(id: string): AuthorizationServerRecord;
    keys(id: string): Promise<SigningKeyRecord[]>;
  };
  claims: { listByServer(serverId: string): ClaimRecord[] };
  crypto: Pick<Crypto, 'verifyJws' | 'sha256'>;
  pem: PemKeyReader;
  clock: Clock;
}

/** The issuer a server has for this request (it depends on the origin: `http/management/presenters.ts`). */
export type IssuerOf = (server: AuthorizationServerRecord) => string;

/** `…/oauth2/{serverId}`: the shape of every custom authorization server's issuer. */
const ISSUER_PATH = /\/oauth2\/([^/]+)$/;

export class TokenInspector {
  constructor(private readonly deps: TokenInspectorDeps) {}

  /** @throws ValidationFailed for a malformed body (a malformed token is the answer, not an error) */
  async inspect(body: unknown, issuerOf: IssuerOf): Promise<TokenInspectionDto> {
    const checked = validateInspectToken(body);
    if (!checked.ok) throw new ValidationFailed(checked.issues);
    const request = checked.value;
    const decoded = decodeToken(request.token);
    if (!decoded.ok) return decoded;
    const token = decoded.token;
    const found = this.findServer(token.payload['iss'], issuerOf);
    const server = found.ok ? found.server : null;
    const kind = kindOf(token.payload);
    return {
      ok: true,
      header: token.header,
      payload: token.payload,
      signature: token.signature,
      kind,
      claims: this.claims(token.payload, kind, server),
      server: server && { id: server.id, name: server.name, issuer: found.ok ? found.issuer : '' },
      verdict: await this.verdict(token, request, found),
      hashes: checkHashes(this.deps.crypto, token.header, token.payload, request),
      nonce: nonceCheck(token.payload, request.nonce),
      inspectedAt: this.deps.clock.now().toISOString(),
    };
  }

  private findServer(
    iss: unknown,
    issuerOf: IssuerOf,
  ): { ok: true; server: AuthorizationServerRecord; issuer: string } | { ok: false; reason: string } {
    if (typeof iss !== 'string') return { ok: false, reason: 'The token has no "iss" (issuer) claim' };
    const id = ISSUER_PATH.exec(iss)?.[1];
    const server = id === undefined ? undefined : this.serverById(decodeURIComponentSafe(id));
    if (!server) return { ok: false, reason: `No authorization server of this Authbox has the issuer ${iss}` };
    const issuer = issuerOf(server);
    if (issuer !== iss)
      return {
        ok: false,
        reason: `The server "${server.name}" (${server.id}) has the issuer ${issuer}, not ${iss}: the token comes from another Authbox or an earlier port`,
      };
    return { ok: true, server, issuer };
  }

  private serverById(id: string): AuthorizationServerRecord | undefined {
    try {
      return this.deps.servers.get(id);
    } catch {
      return undefined;
    }
  }

  private async verdict(
    token: DecodedToken,
    request: ValidInspectTokenRequest,
    found: ReturnType<TokenInspector['findServer']>,
  ): Promise<SignatureVerdict> {
    if (request.key !== undefined && request.key.trim() !== '') {
      const pasted = readPastedKey(request.key, this.deps.pem);
      if (!pasted.ok)
        return {
          code: 'bad_key',
          ok: false,
          signatureValid: false,
          title: 'Key not usable',
          reason: `${pasted.reason}.`,
          key: null,
        };
      const candidates: CandidateKey[] = pasted.keys.map((jwk) => ({
        jwk,
        key: { kid: typeof jwk['kid'] === 'string' ? jwk['kid'] : null, source: 'pasted', status: null },
      }));
      return signatureVerdict(
        this.deps,
        token,
        candidates,
        pasted.keys.length > 1 ? 'the pasted JWKS' : 'the pasted key',
      );
    }
    if (!found.ok)
      return {
        code: 'unknown_issuer',
        ok: false,
        signatureValid: false,
        title: 'Issuer unknown to this Authbox',
        reason: `${found.reason}. Paste the issuer's key (JWK, JWKS or PEM) to verify the signature.`,
        key: null,
      };
    const keys = await this.deps.servers.keys(found.server.id);
    const candidates: CandidateKey[] = keys.map((k) => ({
      jwk: { ...k.publicJwk, kid: k.kid, alg: 'RS256' },
      key: { kid: k.kid, source: 'server', status: k.status },
    }));
    return signatureVerdict(this.deps, token, candidates, `the keys of server ${found.server.id}`);
  }

  private claims(
    payload: Record<string, unknown>,
    kind: TokenKind,
    server: AuthorizationServerRecord | null,
  ): InspectedClaim[] {
    const definitions = server ? this.deps.claims.listByServer(server.id) : [];
    return Object.entries(payload).map(([name, value]) => {
      const classified = classifyClaim(name);
      const definition = classified.category === 'custom' ? definitionOf(definitions, name, kind) : null;
      return {
        name,
        value,
        ...classified,
        time: TIME_CLAIMS.has(name) && typeof value === 'number' ? timeOf(value) : null,
        definition: definition && presentDefinition(definition),
      };
    });
  }
}

/** Okta's `jti` prefixes, else an ID token by what OIDC Core §2 requires of one and an access token does not carry. */
function kindOf(payload: Record<string, unknown>): TokenKind {
  const jti = payload['jti'];
  if (typeof jti === 'string' && jti.startsWith('AT.')) return 'access_token';
  if (typeof jti === 'string' && jti.startsWith('ID.')) return 'id_token';
  if ('scp' in payload || 'scope' in payload) return 'access_token';
  if ('nonce' in payload || 'at_hash' in payload || 'amr' in payload) return 'id_token';
  return 'unknown';
}

/** RESOURCE claims go into access tokens, IDENTITY claims into ID tokens (Okta docs, "Create claims"). */
function definitionOf(definitions: ClaimRecord[], name: string, kind: TokenKind): ClaimRecord | null {
  const named = definitions.filter((d) => d.name === name);
  const wanted = kind === 'access_token' ? 'RESOURCE' : kind === 'id_token' ? 'IDENTITY' : undefined;
  return named.find((d) => d.claimType === wanted) ?? named[0] ?? null;
}

function presentDefinition(claim: ClaimRecord): ClaimDefinitionDto {
  return {
    id: claim.id,
    serverId: claim.serverId,
    name: claim.name,
    claimType: claim.claimType,
    valueType: claim.valueType,
    value: claim.value,
    groupFilterType: claim.groupFilterType,
    alwaysIncludeInToken: claim.alwaysIncludeInToken,
    conditionScopes: claim.conditionScopes,
    status: claim.status,
  };
}

function nonceCheck(payload: Record<string, unknown>, sent: string | undefined): NonceCheck | null {
  if (sent === undefined || sent === '') return null;
  const actual = typeof payload['nonce'] === 'string' ? payload['nonce'] : null;
  return { sent, actual, matches: actual === sent };
}

function timeOf(seconds: number): string | null {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function decodeURIComponentSafe(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
