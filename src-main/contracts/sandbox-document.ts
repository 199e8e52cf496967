/**
 * The sandbox document: a whole sandbox (or one authorization server and what it references) as one
 * versioned JSON document, for export, import, `--config` and the examples in `examples/`. Its
 * members are the stored records, with dates as ISO 8601 strings and references by id; see
 * docs/sandbox-document.md. `docs/sandbox-document.schema.json` is this schema as JSON Schema.
 *
 * Ids and dates may be left out in a hand-written document (import makes them), and a user may give
 * a plain `password` instead of a `passwordHash` (import hashes it; export never writes it back).
 */
import { z } from 'zod';
import { APPLICATION_TYPES, AUTH_METHODS, oauthSettings } from './app.js';
import { ISSUER_MODES, ROTATION_MODES } from './authorization-server.js';
import { CLAIM_TYPES, CLAIM_VALUE_TYPES, GROUP_FILTER_TYPES } from './claim.js';
import { LIFETIMES, RULE_GRANT_TYPES } from './rule.js';
import { METADATA_PUBLISH, SCOPE_CONSENTS } from './scope.js';
import { USER_STATUSES } from './user.js';

/** The version this Authbox writes and reads; a document of another version is refused. */
export const SANDBOX_DOCUMENT_VERSION = 1;
/** What the `kind` member says, so a stray JSON file is not mistaken for a sandbox. */
export const SANDBOX_DOCUMENT_KIND = 'authbox-sandbox';

const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;
const text = (max: number) =>
  z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const id = text(100).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');
const date = z.iso.datetime({ error: 'must be an ISO 8601 date and time, e.g. 2026-01-31T12:00:00.000Z' });
const nullableDate = date.nullable();
const lifecycle = z.enum(['ACTIVE', 'INACTIVE'], { error: oneOf(['ACTIVE', 'INACTIVE']) });
const names = z.array(text(1024), { error: 'must be an array of strings' });
const includeExclude = z.strictObject(
  { include: names.default([]), exclude: names.default([]) },
  { error: 'must be an object with include and exclude' },
);
const jsonObject = z.record(z.string(), z.unknown(), { error: 'must be an object' });
const stamps = { created: date.optional(), lastUpdated: date.optional() };

export const sandboxKey = z.strictObject({
  kid: id,
  status: z.enum(['ACTIVE', 'NEXT', 'EXPIRED'], { error: oneOf(['ACTIVE', 'NEXT', 'EXPIRED']) }),
  publicJwk: z.strictObject({ kty: z.literal('RSA', { error: 'must be RSA' }), n: z.string(), e: z.string() }),
  /** The private key as a JWK, serialized: present only in an export made with keys. */
  privateJwk: z.string({ error: 'must be a serialized JWK' }).min(1),
  created: date.optional(),
});

export const sandboxScope = z.strictObject({
  id: id.optional(),
  name: text(1024),
  displayName: z.string({ error: 'must be a string or null' }).max(255).nullable().default(null),
  description: z.string({ error: 'must be a string or null' }).max(1024).nullable().default(null),
  consent: z.enum(SCOPE_CONSENTS, { error: oneOf(SCOPE_CONSENTS) }).default('IMPLICIT'),
  isDefault: z.boolean({ error: 'must be true or false' }).default(false),
  metadataPublish: z.enum(METADATA_PUBLISH, { error: oneOf(METADATA_PUBLISH) }).default('NO_CLIENTS'),
  optional: z.boolean({ error: 'must be true or false' }).default(false),
  system: z.boolean({ error: 'must be true or false' }).default(false),
  ...stamps,
});

export const sandboxClaim = z.strictObject({
  id: id.optional(),
  name: text(100),
  status: lifecycle.default('ACTIVE'),
  claimType: z.enum(CLAIM_TYPES, { error: oneOf(CLAIM_TYPES) }),
  valueType: z.enum(CLAIM_VALUE_TYPES, { error: oneOf(CLAIM_VALUE_TYPES) }).default('EXPRESSION'),
  value: z.string({ error: 'must be a string' }).max(1024),
  groupFilterType: z
    .enum(GROUP_FILTER_TYPES, { error: oneOf(GROUP_FILTER_TYPES) })
    .nullable()
    .default(null),
  alwaysIncludeInToken: z.boolean({ error: 'must be true or false' }).default(true),
  conditionScopes: names.default([]),
  system: z.boolean({ error: 'must be true or false' }).default(false),
  ...stamps,
});

export const sandboxRule = z.strictObject({
  id: id.optional(),
  name: text(255),
  status: lifecycle.default('ACTIVE'),
  priority: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 or more'),
  system: z.boolean({ error: 'must be true or false' }).default(false),
  userIds: includeExclude.default({ include: [], exclude: [] }),
  groupIds: includeExclude.default({ include: [], exclude: [] }),
  grantTypes: z
    .array(
      z
        .string({ error: 'must be a string' })
        .refine((value) => (RULE_GRANT_TYPES as readonly string[]).includes(value), {
          error: (iss) => `'${String(iss.input)}' is not supported; use ${RULE_GRANT_TYPES.join(', ')}`,
        }),
      { error: 'must be an array of strings' },
    )
    .min(1, 'must name at least one grant type'),
  scopes: names.min(1, "must name at least one scope, or '*'"),
  accessTokenMinutes: z
    .number({ error: 'must be a number' })
    .int('must be a whole number of minutes')
    .min(LIFETIMES.access.min, `must be from ${LIFETIMES.access.min} to ${LIFETIMES.access.max} minutes`)
    .max(LIFETIMES.access.max, `must be from ${LIFETIMES.access.min} to ${LIFETIMES.access.max} minutes`),
  refreshTokenMinutes: z.number({ error: 'must be a number' }).int('must be a whole number of minutes').default(0),
  refreshWindowMinutes: z
    .number({ error: 'must be a number' })
    .int('must be a whole number of minutes')
    .default(10_080),
  inlineHookId: z.string().nullable().default(null),
  ...stamps,
});

export const sandboxPolicy = z.strictObject({
  id: id.optional(),
  name: text(100),
  description: z.string({ error: 'must be a string' }).max(255).default(''),
  status: lifecycle.default('ACTIVE'),
  priority: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 or more'),
  system: z.boolean({ error: 'must be true or false' }).default(false),
  /** True: the policy covers every client; otherwise `clientIds` names the apps' client ids. */
  allClients: z.boolean({ error: 'must be true or false' }).default(false),
  clientIds: names.default([]),
  ...stamps,
  rules: z.array(sandboxRule, { error: 'must be an array of rules' }).default([]),
});

export const sandboxServer = z.strictObject({
  id: id.optional(),
  name: text(100),
  description: z.string({ error: 'must be a string' }).max(1024).default(''),
  audiences: names.min(1, 'must name one audience').max(1, 'must name one audience (Okta allows one)'),
  issuerMode: z.enum(ISSUER_MODES, { error: oneOf(ISSUER_MODES) }).default('ORG_URL'),
  status: lifecycle.default('ACTIVE'),
  rotationMode: z.enum(ROTATION_MODES, { error: oneOf(ROTATION_MODES) }).default('AUTO'),
  lastRotated: nullableDate.default(null),
  nextRotation: nullableDate.default(null),
  ...stamps,
  /** Present only in an export made with keys; without them, import makes new keys. */
  keys: z.array(sandboxKey, { error: 'must be an array of keys' }).optional(),
  scopes: z.array(sandboxScope, { error: 'must be an array of scopes' }).default([]),
  claims: z.array(sandboxClaim, { error: 'must be an array of claims' }).default([]),
  policies: z.array(sandboxPolicy, { error: 'must be an array of policies' }).default([]),
});

export const sandboxAppUser = z.strictObject({
  userId: id,
  userName: z.string({ error: 'must be a string or null' }).nullable().default(null),
  profile: jsonObject.default({}),
  created: date.optional(),
  lastUpdated: date.optional(),
  statusChanged: date.optional(),
});

export const sandboxAppGroup = z.strictObject({
  groupId: id,
  priority: z.number({ error: 'must be a number' }).int().min(0).default(0),
  profile: jsonObject.default({}),
  ...stamps,
});

/**
 * An Okta API scope granted to the app (Okta "Application Grants" API). The org URL it was granted
 * for is where the sandbox runs, so it is not part of the document.
 */
export const sandboxAppGrant = z.strictObject({
  id: id.optional(),
  scopeId: text(100),
  ...stamps,
});

export const sandboxApp = z.strictObject({
  id: id.optional(),
  label: text(100),
  status: lifecycle.default('ACTIVE'),
  clientId: id,
  clientSecret: z.string({ error: 'must be a string or null' }).min(14, 'must be at least 14 characters').nullable(),
  authMethod: z.enum(AUTH_METHODS, { error: oneOf(AUTH_METHODS) }),
  applicationType: z.enum(APPLICATION_TYPES, { error: oneOf(APPLICATION_TYPES) }),
  profile: jsonObject.default({}),
  visibility: jsonObject.default({}),
  accessibility: jsonObject.default({}),
  features: names.default([]),
  userNameTemplate: z
    .strictObject({ template: z.string(), type: z.string() })
    .default({ template: '${source.login}', type: 'BUILT_IN' }),
  autoKeyRotation: z.boolean({ error: 'must be true or false' }).default(true),
  pkceRequired: z.boolean({ error: 'must be true or false' }).default(false),
  /** Okta's `settings.oauthClient`: redirect URIs, grant and response types, refresh token rotation. */
  oauthClient: oauthSettings(),
  ...stamps,
  /** Users assigned directly (assignments through a group follow from `groups`). */
  users: z.array(sandboxAppUser, { error: 'must be an array' }).default([]),
  groups: z.array(sandboxAppGroup, { error: 'must be an array' }).default([]),
  grants: z.array(sandboxAppGrant, { error: 'must be an array of grants' }).default([]),
});

export const sandboxUser = z.strictObject({
  id: id.optional(),
  status: z.enum(USER_STATUSES, { error: oneOf(USER_STATUSES) }).default('ACTIVE'),
  profile: z.looseObject({
    login: text(100),
    email: text(100),
  }),
  /** The scrypt hash as exported; a hand-written document may give `password` instead. */
  passwordHash: z.string({ error: 'must be a string' }).nullable().optional(),
  password: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(72).optional(),
  recoveryQuestion: z
    .strictObject({ question: text(100), answerHash: text(512) })
    .nullable()
    .default(null),
  created: date.optional(),
  activated: nullableDate.optional(),
  statusChanged: nullableDate.optional(),
  lastLogin: nullableDate.default(null),
  lastUpdated: date.optional(),
  passwordChanged: nullableDate.optional(),
});

export const sandboxGroup = z.strictObject({
  id: id.optional(),
  name: text(255),
  description: z.string({ error: 'must be a string or null' }).max(1024).nullable().default(null),
  ...stamps,
  lastMembershipUpdated: date.optional(),
  /** Member user ids. */
  members: names.default([]),
});

export const sandboxDocument = z.strictObject({
  kind: z.literal(SANDBOX_DOCUMENT_KIND, { error: `must be '${SANDBOX_DOCUMENT_KIND}'` }),
  version: z.literal(SANDBOX_DOCUMENT_VERSION, {
    error: (iss) =>
      iss.input === undefined
        ? 'is missing'
        : `must be ${SANDBOX_DOCUMENT_VERSION}; this Authbox reads version ${SANDBOX_DOCUMENT_VERSION} documents`,
  }),
  servers: z.array(sandboxServer, { error: 'must be an array of authorization servers' }).default([]),
  apps: z.array(sandboxApp, { error: 'must be an array of apps' }).default([]),
  users: z.array(sandboxUser, { error: 'must be an array of users' }).default([]),
  groups: z.array(sandboxGroup, { error: 'must be an array of groups' }).default([]),
});

export type SandboxDocumentInput = z.input<typeof sandboxDocument>;
export type SandboxDocument = z.output<typeof sandboxDocument>;
export type SandboxServer = SandboxDocument['servers'][number];
export type SandboxApp = SandboxDocument['apps'][number];
export type SandboxUser = SandboxDocument['users'][number];
export type SandboxGroup = SandboxDocument['groups'][number];

/** Stable text: two exports of one sandbox are byte-identical (two-space JSON and a final newline). */
export function serializeDocument(doc: SandboxDocumentInput): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** One fault of a refused document: where (`$.servers[1].policies[0].rules[2].grantTypes`) and what. */
export interface DocumentFault {
  path: string;
  message: string;
}

/** `$.servers[1].name` from zod's path segments. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    const name = String(segment);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
  }, '$');
}

/** What an import did or would do: counts per kind, and the conflicts that refuse a merge. */
export interface ImportSummaryDto {
  mode: 'merge' | 'replace';
  applied: boolean;
  create: Record<'servers' | 'scopes' | 'claims' | 'policies' | 'rules' | 'apps' | 'users' | 'groups', number>;
  conflicts: DocumentFault[];
}

/**
 * The document's JSON Schema (draft 2020-12), as written to `docs/sandbox-document.schema.json` by
 * `npm run document-schema`; what a hand-written document may omit is optional in it.
 */
export function sandboxDocumentJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://authbox.local/sandbox-document.schema.json',
    title: 'Authbox sandbox document',
    ...z.toJSONSchema(sandboxDocument, { io: 'input', unrepresentable: 'any' }),
  };
}
