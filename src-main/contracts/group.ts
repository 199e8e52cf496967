/**
 * Groups as the Okta management API shows them (Okta "Groups" API), and the validation of a create
 * (POST /groups) or replace (PUT /groups/{id}) body: `{profile: {name, description}}`.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.js';
import { fieldIssues } from './authorization-server.js';
import type { ValidationResult } from './authorization-server.js';
import type { OktaLink } from './links.js';

export const GROUP_TYPES = ['OKTA_GROUP', 'APP_GROUP', 'BUILT_IN'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

/** The built-in Everyone group (inserted by migration 0020); every user is a member. */
export const EVERYONE_GROUP_ID = '00gEVERYONE000000000';

export interface GroupDto {
  id: string;
  created: string;
  lastUpdated: string;
  lastMembershipUpdated: string;
  objectClass: string[];
  type: GroupType;
  profile: { name: string; description: string | null };
  _links: { logo: OktaLink[]; users: OktaLink; apps: OktaLink; self: OktaLink };
}

export interface GroupInput {
  name: string;
  description: string | null;
}

const BLANK = 'The field cannot be left blank';

/** Unknown profile members are dropped (the SDK's group profile is not extensible either). */
const groupBody = lazySchema(() =>
  z.object({
    profile: z.object(
      {
        name: z
          .string({
            error: (issue) => (issue.input === undefined || issue.input === null ? BLANK : 'must be a string'),
          })
          .max(255, 'must be at most 255 characters')
          .refine((name) => name.trim() !== '', BLANK),
        description: z
          .string({ error: 'must be a string' })
          .max(1024, 'must be at most 1024 characters')
          .nullable()
          .optional(),
      },
      { error: (issue) => (issue.input === undefined ? BLANK : 'must be an object') },
    ),
  }),
);

export function validateGroup(body: unknown): ValidationResult<GroupInput> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, issues: [{ field: 'body', message: 'must be a JSON object' }] };
  const parsed = groupBody().safeParse(body);
  if (!parsed.success) return { ok: false, issues: fieldIssues(parsed.error) };
  const { name, description } = parsed.data.profile;
  return { ok: true, value: { name, description: description ?? null } };
}

/** The body schema of create and replace, for the route map. */
export { groupBody as groupInput };
