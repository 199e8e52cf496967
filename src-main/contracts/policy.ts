/**
 * Access policy of a custom authorization server as the Okta management API shows it
 * (Okta "Authorization Server Policies" API), and the validation of what a client may write. Shared by server and renderer.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.js';
import { fieldIssues } from './authorization-server.js';
import type { LifecycleStatus, ValidationResult } from './authorization-server.js';
import type { OktaLink } from './links.js';

export const POLICY_TYPE = 'OAUTH_AUTHORIZATION_POLICY';
/** `conditions.clients.include` value that makes a policy apply to every client. */
export const ALL_CLIENTS = 'ALL_CLIENTS';
export const LIFECYCLE_STATUSES = ['ACTIVE', 'INACTIVE'] as const;

export interface PolicyDto {
  id: string;
  type: typeof POLICY_TYPE;
  name: string;
  description: string;
  priority: number;
  status: LifecycleStatus;
  system: boolean;
  conditions: { clients: { include: string[] } };
  created: string;
  lastUpdated: string;
  _links: Record<string, OktaLink>;
}

const BLANK = 'The field cannot be left blank';

/** A required string of 1…max characters (trimmed), with Okta's blank message. */
export const requiredText = (max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? BLANK : 'must be a string') })
    .trim()
    .min(1, BLANK)
    .max(max, `must be at most ${max} characters`);

/** 1 = first; a priority beyond the end lands last (checked again by `core/priorities.ts`). */
export const priorityField = lazySchema(() =>
  z
    .number({ error: 'must be a whole number of at least 1' })
    .int('must be a whole number of at least 1')
    .min(1, 'must be a whole number of at least 1')
    .optional(),
);

/** ACTIVE when a create leaves it out; a replace without it keeps the current status (lifecycle calls change it). */
export const statusField = lazySchema(() =>
  z.enum(LIFECYCLE_STATUSES, { error: `must be one of ${LIFECYCLE_STATUSES.join(', ')}` }).optional(),
);

/** A non-empty list of non-blank strings; a missing list reports the blank-field message. */
export const requiredList = (
  item: z.ZodType<string> = z.string({ error: 'must be a string' }).trim().min(1, 'an entry cannot be blank'),
) => z.array(item, { error: (iss) => (iss.input === undefined ? BLANK : 'must be an array of strings') }).min(1, BLANK);

/** Reads a missing object as `{}`, so the error names the leaf the client has to fill in. */
export const orEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((value) => value ?? {}, schema);

/**
 * What a create (POST) or replace (PUT) may carry; read-only members (`id`, `system`, dates,
 * `_links`) are ignored as Okta does. A missing `conditions` reports `conditions.clients.include`.
 */
export const policyInput = lazySchema(() =>
  z.object({
    type: z.literal(POLICY_TYPE, {
      error: (iss) => (iss.input === undefined ? `${BLANK}; it must be ${POLICY_TYPE}` : `must be ${POLICY_TYPE}`),
    }),
    name: requiredText(100),
    description: requiredText(255),
    priority: priorityField(),
    status: statusField(),
    conditions: orEmpty(
      z.object(
        { clients: orEmpty(z.object({ include: requiredList() }, { error: 'must be an object' })) },
        { error: 'must be an object' },
      ),
    ),
  }),
);

export type PolicyInput = z.infer<ReturnType<typeof policyInput>>;

export function validatePolicy(body: unknown): ValidationResult<PolicyInput> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, issues: [{ field: 'body', message: 'must be a JSON object' }] };
  }
  const parsed = policyInput().safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: fieldIssues(parsed.error) };
}
