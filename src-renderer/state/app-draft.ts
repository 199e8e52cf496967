/**
 * The Create App Integration / General form as plain data: what the user picked, in the words of
 * Okta's admin console, how it becomes the Apps API body (PUT replaces the whole app, so an edit
 * starts from the stored app and keeps what the form does not show), and how the server's causes
 * land on the fields.
 */
import { GRANTS_BY_APP_TYPE } from '../../src-main/contracts/app.js';
import type { AppDto, ApplicationType, AuthMethod, GrantType, ResponseType } from '../../src-main/contracts/app.js';
import type { ApiError } from '../api/api-error.js';
import type { AppWrite } from '../api/api-client.js';
import { formProblemsFrom } from './form-problems.js';
import type { FieldErrorsOf, FormProblemsOf } from './form-problems.js';

/** "Assignments" of Create App Integration: who may use the new app. */
export type AssignmentChoice = 'everyone' | 'groups' | 'skip';

/** In the order the API lists them by default. */
export const IMPLICIT_TOKENS = ['token', 'id_token'] as const;
export type ImplicitToken = (typeof IMPLICIT_TOKENS)[number];

export interface AppDraft {
  /** App integration name (the API's `label`). */
  label: string;
  applicationType: ApplicationType;
  grantTypes: GrantType[];
  /** With Implicit: "Allow ID Token…" / "Allow Access Token with implicit grant type" (the implicit response types). */
  implicitTokens: ImplicitToken[];
  /** One entry per row; blank rows are dropped when saving. */
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  authMethod: AuthMethod;
  /** Used with "Public key / Private key" (private_key_jwt) when the app has no keys of its own. */
  jwksUri: string;
  pkceRequired: boolean;
  rotationType: 'ROTATE' | 'STATIC';
  /** Grace period for token rotation, in seconds, as typed. */
  leeway: string;
  /** "Require Demonstrating Proof of Possession (DPoP) header in token requests" (`dpop_bound_access_tokens`). */
  dpopBoundAccessTokens: boolean;
  /** Create only. */
  assignment: AssignmentChoice;
  assignGroupIds: string[];
}

export type AppField = keyof AppDraft;
export type AppFieldErrors = FieldErrorsOf<AppField>;
export type AppFormProblems = FormProblemsOf<AppField>;

/** The client authentication methods each type offers (Okta: SPAs are public clients, web and service apps confidential). */
export const AUTH_METHODS_BY_TYPE: Record<ApplicationType, readonly AuthMethod[]> = {
  web: ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt'],
  service: ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt'],
  native: ['none', 'client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt'],
  browser: ['none'],
};

/** The redirect URIs Okta's wizard suggests for each type (Okta's sample apps listen there). */
const SUGGESTED: Record<ApplicationType, { signIn: string[]; signOut: string[] }> = {
  web: { signIn: ['http://localhost:8080/authorization-code/callback'], signOut: ['http://localhost:8080'] },
  browser: { signIn: ['http://localhost:8080/login/callback'], signOut: ['http://localhost:8080'] },
  native: { signIn: ['com.okta.example:/callback'], signOut: ['com.okta.example:/'] },
  service: { signIn: [], signOut: [] },
};

/** Okta's defaults for a new app of `type` (the API's own defaults, reference §1.7). */
export function emptyAppDraft(type: ApplicationType): AppDraft {
  const publicClient = type === 'browser' || type === 'native';
  return {
    label: '',
    applicationType: type,
    grantTypes: type === 'service' ? ['client_credentials'] : ['authorization_code'],
    implicitTokens: [...IMPLICIT_TOKENS],
    redirectUris: [...SUGGESTED[type].signIn],
    postLogoutRedirectUris: [...SUGGESTED[type].signOut],
    authMethod: publicClient ? 'none' : 'client_secret_basic',
    jwksUri: '',
    pkceRequired: publicClient,
    rotationType: type === 'browser' ? 'ROTATE' : 'STATIC',
    leeway: '30',
    dpopBoundAccessTokens: false,
    assignment: type === 'service' ? 'skip' : 'everyone',
    assignGroupIds: [],
  };
}

const isImplicitToken = (type: ResponseType): type is ImplicitToken => type === 'id_token' || type === 'token';

/** An app without implicit response types starts with both ticked, as Okta's form does. */
function implicitTokensOf(types: readonly ResponseType[]): ImplicitToken[] {
  const tokens = types.filter(isImplicitToken);
  return tokens.length > 0 ? tokens : [...IMPLICIT_TOKENS];
}

export function appDraftOf(app: AppDto): AppDraft {
  const oauth = app.settings.oauthClient;
  const client = app.credentials.oauthClient;
  return {
    label: app.label,
    applicationType: oauth.application_type,
    grantTypes: [...oauth.grant_types],
    implicitTokens: implicitTokensOf(oauth.response_types),
    redirectUris: [...oauth.redirect_uris],
    postLogoutRedirectUris: [...oauth.post_logout_redirect_uris],
    authMethod: client.token_endpoint_auth_method,
    jwksUri: oauth.jwks_uri ?? '',
    pkceRequired: client.pkce_required,
    rotationType: oauth.refresh_token?.rotation_type ?? (oauth.application_type === 'browser' ? 'ROTATE' : 'STATIC'),
    leeway: String(oauth.refresh_token?.leeway ?? 30),
    dpopBoundAccessTokens: oauth.dpop_bound_access_tokens,
    assignment: 'skip',
    assignGroupIds: [],
  };
}

/** The grants a type may pick, and the one it must keep (Okta's grant table in `contracts/app.ts`). */
export const grantChoicesOf = (type: ApplicationType) => GRANTS_BY_APP_TYPE[type];

/**
 * Response types follow the grants: `code` for Authorization Code, the ticked implicit tokens for
 * Implicit, `token` for a client-credentials-only app. Empty lets the server name the problem.
 */
function responseTypesOf(draft: AppDraft): ResponseType[] {
  const grants = draft.grantTypes;
  const types: ResponseType[] = [];
  if (grants.includes('authorization_code')) types.push('code');
  if (grants.includes('implicit')) types.push(...draft.implicitTokens);
  if (types.length === 0 && grants.includes('client_credentials')) types.push('token');
  return types;
}

const filled = (rows: readonly string[]) => rows.map((row) => row.trim()).filter((row) => row !== '');

/** A typed number as the API's number, or the text itself so the server names what is wrong with it. */
function numberOr(text: string): number {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : (trimmed as unknown as number);
}

/**
 * The body for POST (no `base`) or PUT (`base` = the stored app, whose members the form does not
 * show are sent back unchanged). The client secret is never sent: the server keeps or generates it.
 */
export function toAppWrite(draft: AppDraft, base?: AppDto) {
  const type = draft.applicationType;
  const { refresh_token: _refresh, jwks_uri: _jwksUri, ...baseOauth } = base?.settings.oauthClient ?? {};
  const usesRefresh = draft.grantTypes.includes('refresh_token');
  const responseTypes = responseTypesOf(draft);
  const jwksUri = draft.authMethod === 'private_key_jwt' ? draft.jwksUri.trim() : '';
  return {
    name: 'oidc_client',
    label: draft.label,
    signOnMode: 'OPENID_CONNECT',
    ...(base
      ? {
          profile: base.profile,
          visibility: base.visibility,
          accessibility: base.accessibility,
          features: base.features,
        }
      : {}),
    credentials: {
      ...(base ? { userNameTemplate: base.credentials.userNameTemplate } : {}),
      oauthClient: {
        ...(base
          ? {
              client_id: base.credentials.oauthClient.client_id,
              autoKeyRotation: base.credentials.oauthClient.autoKeyRotation,
            }
          : {}),
        token_endpoint_auth_method: draft.authMethod,
        // Public clients must use PKCE (OAuth 2.0 for Native Apps, RFC 8252 §8.1); service apps have no redirect.
        pkce_required: type === 'service' ? false : draft.authMethod === 'none' || draft.pkceRequired,
      },
    },
    settings: {
      oauthClient: {
        ...baseOauth,
        application_type: type,
        grant_types: draft.grantTypes,
        ...(responseTypes.length > 0 ? { response_types: responseTypes } : {}),
        redirect_uris: type === 'service' ? [] : filled(draft.redirectUris),
        post_logout_redirect_uris: type === 'service' ? [] : filled(draft.postLogoutRedirectUris),
        ...(usesRefresh
          ? { refresh_token: { rotation_type: draft.rotationType, leeway: numberOr(draft.leeway) } }
          : {}),
        ...(jwksUri !== '' ? { jwks_uri: jwksUri } : {}),
        dpop_bound_access_tokens: draft.dpopBoundAccessTokens,
      },
    },
  } satisfies AppWrite;
}

/** API cause fields → form fields (a cause about one redirect URI names the list, not the row). */
const FIELD_OF_CAUSE: Record<string, AppField> = {
  label: 'label',
  'settings.oauthClient.application_type': 'applicationType',
  'settings.oauthClient.grant_types': 'grantTypes',
  'settings.oauthClient.response_types': 'implicitTokens',
  'settings.oauthClient.redirect_uris': 'redirectUris',
  'settings.oauthClient.post_logout_redirect_uris': 'postLogoutRedirectUris',
  'credentials.oauthClient.token_endpoint_auth_method': 'authMethod',
  'credentials.oauthClient.client_secret': 'authMethod',
  'credentials.oauthClient.pkce_required': 'pkceRequired',
  'settings.oauthClient.jwks': 'jwksUri',
  'settings.oauthClient.jwks_uri': 'jwksUri',
  'settings.oauthClient.refresh_token': 'rotationType',
  'settings.oauthClient.refresh_token.rotation_type': 'rotationType',
  'settings.oauthClient.refresh_token.leeway': 'leeway',
  'settings.oauthClient.dpop_bound_access_tokens': 'dpopBoundAccessTokens',
};

export const appProblemsOf = (error: ApiError): AppFormProblems => formProblemsFrom(error, FIELD_OF_CAUSE);

/** Same settings as far as the form shows them (for "Saved." while nothing was edited since). */
export function sameAppDraft(a: AppDraft, b: AppDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
