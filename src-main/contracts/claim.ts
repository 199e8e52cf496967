/**
 * Custom token claims of an authorization server as the Okta management API shows them
 * (Okta "Authorization Server Claims" API), and the validation of what a client may write. Shared by the server and the renderer.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.js';
import { fieldIssues } from './authorization-server.js';
import type { LifecycleStatus, ValidationResult } from './authorization-server.js';
import type { FieldIssue } from './okta-error.js';
import type { OktaLink } from './links.js';

export const CLAIM_TYPES = ['RESOURCE', 'IDENTITY'] as const;
/** SYSTEM exists only on Okta-made claims (the default server's `sub`); clients cannot write it. */
export const CLAIM_VALUE_TYPES = ['EXPRESSION', 'GROUPS', 'SYSTEM'] as const;
export const WRITABLE_VALUE_TYPES = ['EXPRESSION', 'GROUPS'] as const;
export const GROUP_FILTER_TYPES = ['STARTS_WITH', 'EQUALS', 'CONTAINS', 'REGEX'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];
export type ClaimValueType = (typeof CLAIM_VALUE_TYPES)[number];
export type GroupFilterType = (typeof GROUP_FILTER_TYPES)[number];

/**
 * Claim names Okta reserves (Okta "OpenID Connect & OAuth 2.0 API"). Access tokens: `aud` and `sub` may be overridden
 * there, so they are not reserved for RESOURCE claims. ID tokens: the whole list.
 */
export const RESERVED_CLAIM_NAMES: Record<ClaimType, readonly string[]> = {
  RESOURCE: ['ver', 'jti', 'iss', 'iat', 'exp', 'cid', 'uid', 'scp', 'auth_time', 'acr'],
  IDENTITY: [
    'amr',
    'aud',
    'auth_time',
    'exp',
    'iat',
    'idp',
    'iss',
    'jti',
    'sub',
    'ver',
    'nonce',
    'at_hash',
    'c_hash',
    'acr',
  ],
};

export interface ClaimDto {
  id: string;
  name: string;
  status: LifecycleStatus;
  claimType: ClaimType;
  valueType: ClaimValueType;
  value: string;
  /** snake_case on the wire, as Okta and the SDK model spell it; absent unless valueType is GROUPS. */
  group_filter_type?: GroupFilterType;
  alwaysIncludeInToken: boolean;
  conditions: { scopes: string[] };
  system: boolean;
  _links: { self: OktaLink };
}

const enumOf = <T extends readonly [string, ...string[]]>(values: T, required: boolean) =>
  z.enum(values, {
    error: (iss) =>
      required && (iss.input === undefined || iss.input === null)
        ? 'The field cannot be left blank'
        : `must be one of ${values.join(', ')}`,
  });

/** What a create (POST) or replace (PUT) may carry; `id` and `system` are read-only and ignored. */
export const claimInput = lazySchema(() =>
  z.object({
    name: z
      .string({
        error: (iss) =>
          iss.input === undefined || iss.input === null ? 'The field cannot be left blank' : 'must be a string',
      })
      .trim()
      .min(1, 'The field cannot be left blank')
      .max(100, 'must be at most 100 characters'),
    status: z
      .enum(['ACTIVE', 'INACTIVE'], { error: 'must be one of ACTIVE, INACTIVE' })
      .nullish()
      .transform((v) => v ?? 'ACTIVE'),
    claimType: enumOf(CLAIM_TYPES, true),
    valueType: enumOf(CLAIM_VALUE_TYPES, false)
      .nullish()
      .transform((v) => v ?? 'EXPRESSION'),
    value: z.string({
      error: (iss) =>
        iss.input === undefined || iss.input === null ? 'The field cannot be left blank' : 'must be a string',
    }),
    group_filter_type: enumOf(GROUP_FILTER_TYPES, false)
      .nullish()
      .transform((v) => v ?? undefined),
    alwaysIncludeInToken: z
      .boolean({ error: 'must be true or false' })
      .nullish()
      .transform((v) => v ?? undefined),
    conditions: z
      .object(
        {
          scopes: z
            .array(z.string({ error: 'must be an array of scope names' }), { error: 'must be an array of scope names' })
            .nullish(),
        },
        { error: 'must be an object' },
      )
      .nullish()
      .transform((c) => ({ scopes: [...new Set(c?.scopes ?? [])] })),
  }),
);

type ParsedClaim = z.infer<ReturnType<typeof claimInput>>;

/** A validated claim: `valueType` is writable and `alwaysIncludeInToken` is settled. */
export interface ClaimInput extends Omit<ParsedClaim, 'valueType' | 'alwaysIncludeInToken'> {
  valueType: (typeof WRITABLE_VALUE_TYPES)[number];
  alwaysIncludeInToken: boolean;
}

/** The rules that tie fields together (Okta "Authorization Server Claims" API, "OpenID Connect & OAuth 2.0 API"); each issue names one field. */
function crossFieldIssues(claim: ParsedClaim): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (RESERVED_CLAIM_NAMES[claim.claimType].includes(claim.name)) {
    issues.push({ field: 'name', message: `'${claim.name}' is a reserved claim name` });
  }
  if (claim.valueType === 'SYSTEM') {
    issues.push({
      field: 'valueType',
      message: 'SYSTEM is read-only (Okta-made claims only); use EXPRESSION or GROUPS',
    });
  } else if (claim.valueType === 'GROUPS' && claim.group_filter_type === undefined) {
    issues.push({
      field: 'group_filter_type',
      message: `is required when valueType is GROUPS (one of ${GROUP_FILTER_TYPES.join(', ')})`,
    });
  } else if (claim.valueType === 'EXPRESSION' && claim.group_filter_type !== undefined) {
    issues.push({
      field: 'group_filter_type',
      message: 'applies only to valueType GROUPS; leave it out for EXPRESSION claims',
    });
  }
  return issues;
}

export function validateClaim(body: unknown): ValidationResult<ClaimInput> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, issues: [{ field: 'body', message: 'must be a JSON object' }] };
  }
  const parsed = claimInput().safeParse(body);
  if (!parsed.success) return { ok: false, issues: fieldIssues(parsed.error) };
  const issues = crossFieldIssues(parsed.data);
  if (issues.length) return { ok: false, issues };
  const claim = parsed.data;
  // Access-token claims are always included (Okta "Authorization Server Claims" API); ID-token claims default to
  // "Always" as in Okta's admin console and the Okta Terraform provider.
  const alwaysIncludeInToken = claim.claimType === 'RESOURCE' ? true : (claim.alwaysIncludeInToken ?? true);
  return { ok: true, value: { ...claim, valueType: claim.valueType as ClaimInput['valueType'], alwaysIncludeInToken } };
}
