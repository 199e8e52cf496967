/**
 * Custom token scopes of an authorization server as the Okta management API shows them
 * (Okta "Authorization Server Scopes" API), and the validation of what a client may write. Shared by the server and the renderer.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.js';
import { fieldIssues } from './authorization-server.js';
import type { ValidationResult } from './authorization-server.js';
import type { OktaLink } from './links.js';

export const SCOPE_CONSENTS = ['IMPLICIT', 'REQUIRED', 'FLEXIBLE'] as const;
export const METADATA_PUBLISH = ['ALL_CLIENTS', 'NO_CLIENTS'] as const;
export type ScopeConsent = (typeof SCOPE_CONSENTS)[number];
export type MetadataPublish = (typeof METADATA_PUBLISH)[number];

/** Okta's limit on a scope name (the `scope` parameter is at most 1024 characters, Okta "Authorization Server Scopes" API). */
export const SCOPE_NAME_MAX = 1024;

export interface ScopeDto {
  id: string;
  name: string;
  displayName: string | null;
  description: string | null;
  consent: ScopeConsent;
  /** JSON key `default`; the SDK maps it to `_default`. */
  default: boolean;
  metadataPublish: MetadataPublish;
  optional: boolean;
  system: boolean;
  _links: { self: OktaLink };
}

/**
 * Okta's scope name rules (Authorization Servers API, "Scope object"): printable ASCII without space, `"` or `\`; not `okta` or `*`; not in
 * Okta's own `okta.`/`okta:` namespace; `<` or `>` but not both. Returns the broken rule, if any.
 */
export function scopeNameProblem(name: string): string | undefined {
  if (!/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(name)) {
    return 'must be printable ASCII without spaces, double quotes (") or backslashes (\\)';
  }
  if (name === 'okta' || name === '*') return `'${name}' is reserved and cannot be a scope name`;
  if (name.startsWith('okta.') || name.startsWith('okta:'))
    return "must not start with 'okta.' or 'okta:' (reserved for Okta API scopes)";
  if (name.includes('<') && name.includes('>')) return "may contain '<' or '>' but not both";
  return undefined;
}

const optionalText = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value === undefined || value === null || value.trim() === '' ? null : value));

const bool = (fallback: boolean) =>
  z
    .boolean({ error: 'must be true or false' })
    .nullish()
    .transform((v) => v ?? fallback);

/** What a create (POST) or replace (PUT) may carry; `id` and `system` are read-only and ignored. */
export const scopeInput = lazySchema(() =>
  z.object({
    name: z
      .string({
        error: (iss) =>
          iss.input === undefined || iss.input === null ? 'The field cannot be left blank' : 'must be a string',
      })
      .min(1, 'The field cannot be left blank')
      .max(SCOPE_NAME_MAX, `must be at most ${SCOPE_NAME_MAX} characters`)
      .superRefine((name, ctx) => {
        const problem = scopeNameProblem(name);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    displayName: optionalText(1024),
    description: optionalText(1024),
    consent: z
      .enum(SCOPE_CONSENTS, { error: `must be one of ${SCOPE_CONSENTS.join(', ')}` })
      .nullish()
      .transform((v) => v ?? 'IMPLICIT'),
    default: bool(false),
    metadataPublish: z
      .enum(METADATA_PUBLISH, { error: `must be one of ${METADATA_PUBLISH.join(', ')}` })
      .nullish()
      .transform((v) => v ?? 'NO_CLIENTS'),
    optional: bool(false),
  }),
);

export type ScopeInput = z.infer<ReturnType<typeof scopeInput>>;

export function validateScope(body: unknown): ValidationResult<ScopeInput> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, issues: [{ field: 'body', message: 'must be a JSON object' }] };
  }
  const parsed = scopeInput().safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: fieldIssues(parsed.error) };
}
