/**
 * Authorization server resource as the Okta management API shows it (Okta "Authorization Servers" API),
 * and the validation of what a client may write. Shared by the server and the renderer.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.js';
import type { FieldIssue } from './okta-error.js';
import type { OktaLink } from './links.js';

export const ISSUER_MODES = ['ORG_URL', 'CUSTOM_URL', 'DYNAMIC'] as const;
export const ROTATION_MODES = ['AUTO', 'MANUAL'] as const;
export type IssuerMode = (typeof ISSUER_MODES)[number];
export type RotationMode = (typeof ROTATION_MODES)[number];
export type LifecycleStatus = 'ACTIVE' | 'INACTIVE';
export type KeyStatus = 'ACTIVE' | 'NEXT' | 'EXPIRED';

export interface AuthorizationServerDto {
  id: string;
  name: string;
  description: string;
  audiences: string[];
  issuer: string;
  issuerMode: IssuerMode;
  status: LifecycleStatus;
  default: boolean;
  created: string;
  lastUpdated: string;
  credentials: {
    signing: {
      rotationMode: RotationMode;
      lastRotated: string | null;
      nextRotation: string | null;
      kid: string | null;
      use: 'sig';
    };
  };
  _links: Record<string, OktaLink | OktaLink[]>;
}

export interface SigningKeyDto {
  status: KeyStatus;
  alg: 'RS256';
  kty: 'RSA';
  use: 'sig';
  kid: string;
  e: string;
  n: string;
  _links: { self: OktaLink };
}

const text = (field: string, max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `The field cannot be left blank` : `must be a string`) })
    .trim()
    .min(1, `The field cannot be left blank`)
    .max(max, `must be at most ${max} characters`)
    .describe(field);

/** What a create (POST) or replace (PUT) may carry; read-only members are ignored as Okta does. */
export const authorizationServerInput = lazySchema(() =>
  z.object({
    name: text('name', 100),
    description: text('description', 255),
    audiences: z
      .array(
        z
          .string({ error: 'must be a string' })
          .trim()
          .min(1, 'an audience cannot be blank')
          .max(1024, 'must be at most 1024 characters'),
        {
          error: (iss) => (iss.input === undefined ? 'The field cannot be left blank' : 'must be an array of strings'),
        },
      )
      .length(1, 'exactly one audience is supported'),
    issuerMode: z
      .enum(ISSUER_MODES, { error: `must be one of ${ISSUER_MODES.join(', ')}` })
      .refine(
        (mode) => mode !== 'CUSTOM_URL',
        'CUSTOM_URL needs a custom domain, which a local sandbox does not have; use ORG_URL or DYNAMIC',
      )
      .default('ORG_URL'),
    credentials: z
      .object(
        {
          signing: z
            .object(
              {
                rotationMode: z
                  .enum(ROTATION_MODES, { error: `must be one of ${ROTATION_MODES.join(', ')}` })
                  .default('AUTO'),
              },
              { error: 'must be an object' },
            )
            .default({ rotationMode: 'AUTO' }),
        },
        { error: 'must be an object' },
      )
      .default({ signing: { rotationMode: 'AUTO' } }),
  }),
);

export type AuthorizationServerInput = z.infer<ReturnType<typeof authorizationServerInput>>;

/**
 * Turns zod issues into Okta-style field issues (`audiences: exactly one audience is supported`),
 * keeping the first problem of each field so a form shows one message per input.
 */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  const byField = new Map<string, FieldIssue>();
  for (const issue of error.issues) {
    const field = issue.path.filter((p) => typeof p === 'string').join('.') || 'body';
    if (!byField.has(field)) byField.set(field, { field, message: issue.message });
  }
  return [...byField.values()];
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

export function validateAuthorizationServer(body: unknown): ValidationResult<AuthorizationServerInput> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, issues: [{ field: 'body', message: 'must be a JSON object' }] };
  }
  const parsed = authorizationServerInput().safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: fieldIssues(parsed.error) };
}

/** The reserved id of the org authorization server (issuer = the org URL); custom server ids start with `aus`. */
export const ORG_SERVER_ID = 'org';
