/**
 * OIDC applications as the Okta Apps API shows them (Okta "Applications" API), the grant / application-type
 * table, and the field-level validation of what a client may write. Cross-field rules live in
 * `app-rules.ts`; both are shared by the server and the renderer.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.js';
import type { OktaLink } from './links.js';

export const APPLICATION_TYPES = ['web', 'native', 'browser', 'service'] as const;
export const GRANT_TYPES = [
  'authorization_code',
  'implicit',
  'password',
  'refresh_token',
  'client_credentials',
  'urn:ietf:params:oauth:grant-type:device_code',
] as const;
export const RESPONSE_TYPES = ['code', 'token', 'id_token'] as const;
export const AUTH_METHODS = [
  'client_secret_basic',
  'client_secret_post',
  'client_secret_jwt',
  'private_key_jwt',
  'none',
] as const;
/** The methods that authenticate with a shared secret, so the app gets a generated `client_secret`. */
export const SECRET_METHODS: readonly AuthMethod[] = ['client_secret_basic', 'client_secret_post', 'client_secret_jwt'];

export type ApplicationType = (typeof APPLICATION_TYPES)[number];
export type GrantType = (typeof GRANT_TYPES)[number];
export type ResponseType = (typeof RESPONSE_TYPES)[number];
export type AuthMethod = (typeof AUTH_METHODS)[number];
export type AppStatus = 'ACTIVE' | 'INACTIVE';

/**
 * Which grants each application type may use, and which it must include (Okta Apps API,
 * `settings.oauthClient.grant_types`). Okta also lets SPAs (browser) use refresh tokens.
 */
export const GRANTS_BY_APP_TYPE: Record<
  ApplicationType,
  { allowed: readonly GrantType[]; required: readonly GrantType[] }
> = {
  browser: { allowed: ['authorization_code', 'implicit', 'refresh_token'], required: [] },
  web: {
    allowed: ['authorization_code', 'implicit', 'refresh_token', 'client_credentials'],
    required: ['authorization_code'],
  },
  // Okta lets native apps use the device authorization grant (RFC 8628).
  native: {
    allowed: [
      'authorization_code',
      'implicit',
      'password',
      'refresh_token',
      'urn:ietf:params:oauth:grant-type:device_code',
    ],
    required: ['authorization_code'],
  },
  service: { allowed: ['client_credentials'], required: ['client_credentials'] },
};

const BLANK = 'The field cannot be left blank';
const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;
const blankOr = (message: string) => (iss: { input: unknown }) => (iss.input === undefined ? BLANK : message);

/**
 * Schemes that run code or read local files where a browser follows them: never a place to send a
 * user (the OAuth 2.0 Security BCP, RFC 9700, on redirect URI validation).
 */
const DANGEROUS_SCHEMES = new Set(['javascript', 'data', 'file', 'vbscript']);

/** Absolute http(s) URL or a custom-scheme URI (`com.example.app:/callback`), never with a fragment. */
export function uriProblem(value: string): string | undefined {
  if (/\s/.test(value)) return `'${value}' must not contain whitespace`;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/.exec(value);
  if (!scheme) return `'${value}' must be an absolute URI`;
  if (DANGEROUS_SCHEMES.has(scheme[1]!.toLowerCase()))
    return `'${value}' must not use the ${scheme[1]!.toLowerCase()}: scheme`;
  if (/^https?$/i.test(scheme[1]!) && !/^\/\/[^/?#]+/.test(scheme[2]!))
    return `'${value}' must be an absolute http(s) URL with a host`;
  if (value.includes('#')) return `'${value}' must not contain a fragment`;
  return undefined;
}

const uri = lazySchema(() =>
  z.string({ error: 'must be a string' }).superRefine((value, ctx) => {
    const problem = uriProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
);
const uriList = lazySchema(() => z.array(uri(), { error: 'must be an array of URIs' }));
const optionalUri = lazySchema(() => uri().optional());

const oauthCredentials = lazySchema(() =>
  z.object(
    {
      client_id: z
        .string({ error: 'must be a string' })
        .trim()
        .min(1, BLANK)
        .max(100, 'must be at most 100 characters')
        .regex(/^[A-Za-z0-9._~-]+$/, 'may contain only letters, digits and . _ ~ -')
        .optional(),
      client_secret: z
        .string({ error: 'must be a string' })
        .min(14, 'must be at least 14 characters')
        .max(100, 'must be at most 100 characters')
        .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
        .optional(),
      token_endpoint_auth_method: z.enum(AUTH_METHODS, { error: oneOf(AUTH_METHODS) }).default('client_secret_basic'),
      autoKeyRotation: z.boolean({ error: 'must be true or false' }).default(true),
      pkce_required: z.boolean({ error: 'must be true or false' }).optional(),
    },
    { error: 'must be an object' },
  ),
);

const jwks = lazySchema(() =>
  z.object(
    {
      keys: z
        .array(z.looseObject({ kty: z.string({ error: 'each key needs a kty' }) }), {
          error: 'must be an array of JWKs',
        })
        .min(1, 'must contain at least one key'),
    },
    { error: 'must be an object with keys' },
  ),
);

export const oauthSettings = lazySchema(() =>
  z.object(
    {
      application_type: z.enum(APPLICATION_TYPES, { error: oneOf(APPLICATION_TYPES) }).optional(),
      redirect_uris: uriList().default([]),
      post_logout_redirect_uris: uriList().default([]),
      response_types: z
        .array(z.enum(RESPONSE_TYPES, { error: oneOf(RESPONSE_TYPES) }), { error: 'must be an array' })
        .optional(),
      grant_types: z
        .array(z.enum(GRANT_TYPES, { error: `must contain only ${GRANT_TYPES.join(', ')}` }), {
          error: 'must be an array',
        })
        .optional(),
      consent_method: z.enum(['TRUSTED', 'REQUIRED'], { error: oneOf(['TRUSTED', 'REQUIRED']) }).default('TRUSTED'),
      issuer_mode: z
        .enum(['ORG_URL', 'CUSTOM_URL', 'DYNAMIC'], { error: oneOf(['ORG_URL', 'CUSTOM_URL', 'DYNAMIC']) })
        .default('ORG_URL'),
      // Authbox matches redirect URIs exactly; Okta's SUBDOMAIN wildcard is not modelled.
      wildcard_redirect: z
        .literal('DISABLED', { error: 'only DISABLED is supported (redirect URIs match exactly)' })
        .default('DISABLED'),
      refresh_token: z
        .object(
          {
            rotation_type: z.enum(['ROTATE', 'STATIC'], { error: blankOr(oneOf(['ROTATE', 'STATIC'])) }),
            leeway: z
              .number({ error: 'must be a number' })
              .int('must be a whole number of seconds')
              .min(0, 'must be from 0 to 60 seconds')
              .max(60, 'must be from 0 to 60 seconds')
              .default(30),
          },
          { error: 'must be an object' },
        )
        .optional(),
      client_uri: optionalUri(),
      logo_uri: optionalUri(),
      tos_uri: optionalUri(),
      policy_uri: optionalUri(),
      initiate_login_uri: optionalUri(),
      jwks_uri: optionalUri(),
      jwks: jwks().optional(),
      dpop_bound_access_tokens: z.boolean({ error: 'must be true or false' }).default(false),
    },
    { error: blankOr('must be an object') },
  ),
);

const jsonObject = lazySchema(() => z.record(z.string(), z.unknown(), { error: 'must be an object' }));

/** What a create (POST) or replace (PUT) may carry; read-only members (`id`, `status`, dates) are ignored. */
export const appInput = lazySchema(() =>
  z.object({
    name: z.literal('oidc_client', {
      error: blankOr("must be 'oidc_client' (Authbox models OpenID Connect apps only)"),
    }),
    label: z
      .string({ error: blankOr('must be a string') })
      .trim()
      .min(1, BLANK)
      .max(100, 'must be at most 100 characters'),
    signOnMode: z.literal('OPENID_CONNECT', {
      error: (iss) =>
        iss.input === undefined
          ? BLANK
          : `'${String(iss.input)}' is not supported; Authbox models OpenID Connect apps only (OPENID_CONNECT)`,
    }),
    profile: jsonObject().default({}),
    visibility: jsonObject().optional(),
    accessibility: jsonObject().optional(),
    features: z.array(z.string({ error: 'must be a string' }), { error: 'must be an array' }).default([]),
    credentials: z
      .object(
        {
          oauthClient: oauthCredentials().default({
            token_endpoint_auth_method: 'client_secret_basic',
            autoKeyRotation: true,
          }),
          userNameTemplate: z
            .object(
              { template: z.string({ error: 'must be a string' }), type: z.string({ error: 'must be a string' }) },
              { error: 'must be an object' },
            )
            .optional(),
        },
        { error: 'must be an object' },
      )
      .default({ oauthClient: { token_endpoint_auth_method: 'client_secret_basic', autoKeyRotation: true } }),
    settings: z.object({ oauthClient: oauthSettings() }, { error: blankOr('must be an object') }),
  }),
);

export type AppInput = z.infer<ReturnType<typeof appInput>>;

/** `settings.oauthClient` after defaults: every member the protocol engine reads is present. */
export type OAuthClientSettings = Omit<
  AppInput['settings']['oauthClient'],
  'application_type' | 'grant_types' | 'response_types'
> & {
  application_type: ApplicationType;
  grant_types: GrantType[];
  response_types: ResponseType[];
};

export interface AppDto {
  id: string;
  name: 'oidc_client';
  label: string;
  status: AppStatus;
  signOnMode: 'OPENID_CONNECT';
  created: string;
  lastUpdated: string;
  profile: Record<string, unknown>;
  visibility: Record<string, unknown>;
  accessibility: Record<string, unknown>;
  features: string[];
  credentials: {
    userNameTemplate: { template: string; type: string };
    signing: Record<string, unknown>;
    oauthClient: {
      autoKeyRotation: boolean;
      client_id: string;
      client_secret?: string;
      token_endpoint_auth_method: AuthMethod;
      pkce_required: boolean;
    };
  };
  settings: { app: Record<string, unknown>; notifications: Record<string, unknown>; oauthClient: OAuthClientSettings };
  _links: Record<string, OktaLink | OktaLink[]>;
}

export interface AppUserDto {
  id: string;
  externalId: string | null;
  created: string;
  lastUpdated: string;
  scope: 'USER' | 'GROUP';
  status: 'ACTIVE' | 'PROVISIONED';
  statusChanged: string;
  passwordChanged: string | null;
  syncState: 'DISABLED';
  credentials: { userName: string };
  profile: Record<string, unknown>;
  _embedded?: { user: Record<string, unknown> };
  _links: Record<string, OktaLink>;
}

export interface AppGroupDto {
  id: string;
  priority: number;
  lastUpdated: string;
  profile: Record<string, unknown>;
  _links: Record<string, OktaLink>;
}
