/**
 * Access policy rule as the Okta management API shows it (Okta "Authorization Server Rules" API), and the validation of
 * what a client may write: conditions (people, grant types, scopes) and token lifetimes.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.js';
import { fieldIssues } from './authorization-server.js';
import type { LifecycleStatus, ValidationResult } from './authorization-server.js';
import type { OktaLink } from './links.js';
import { orEmpty, priorityField, requiredList, requiredText, statusField } from './policy.js';

export const RULE_TYPE = 'RESOURCE_ACCESS';
/** Rule conditions name the built-in Everyone group `EVERYONE`; it is stored under its group id. */
export const EVERYONE = 'EVERYONE';
export const EVERYONE_GROUP_ID = '00gEVERYONE000000000';
/** `conditions.scopes.include` value that allows every scope of the server. */
export const ANY_SCOPE = '*';

export const RULE_GRANT_TYPES = [
  'authorization_code',
  'implicit',
  'password',
  'client_credentials',
  'refresh_token',
  'urn:ietf:params:oauth:grant-type:device_code',
  'urn:ietf:params:oauth:grant-type:token-exchange',
  'urn:ietf:params:oauth:grant-type:saml2-bearer',
  'interaction_code',
] as const;
export type RuleGrantType = (typeof RULE_GRANT_TYPES)[number];

/** Okta's ranges (Okta "Authorization Server Rules" API): access 5–1440 min, window 10 min – 5 years, refresh 0 = unlimited. */
export const LIFETIMES = {
  access: { min: 5, max: 1440, default: 60 },
  refreshWindow: { min: 10, max: 2_628_000, default: 10_080 },
  refreshUnlimited: 0,
} as const;

export interface IncludeExclude {
  include: string[];
  exclude: string[];
}

export interface RuleDto {
  id: string;
  type: typeof RULE_TYPE;
  name: string;
  priority: number;
  status: LifecycleStatus;
  system: boolean;
  conditions: {
    people: { users: IncludeExclude; groups: IncludeExclude };
    grantTypes: { include: string[] };
    scopes: { include: string[] };
  };
  actions: {
    token: {
      accessTokenLifetimeMinutes: number;
      refreshTokenLifetimeMinutes: number;
      refreshTokenWindowMinutes: number;
      inlineHook?: { id: string };
    };
  };
  created: string;
  lastUpdated: string;
  _links: Record<string, OktaLink>;
}

/** Shows the Everyone group as `EVERYONE`, as Okta does in rule conditions. */
export const toWireGroup = (groupId: string) => (groupId === EVERYONE_GROUP_ID ? EVERYONE : groupId);

const ids = lazySchema(() =>
  z
    .array(z.string({ error: 'must be a string' }).trim().min(1, 'an id cannot be blank'), {
      error: 'must be an array of ids',
    })
    .default([]),
);
const includeExclude = lazySchema(() =>
  orEmpty(z.object({ include: ids(), exclude: ids() }, { error: 'must be an object' })),
);

const between = (min: number, max: number) => {
  const message = `must be between ${min} and ${max}`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
};

const token = lazySchema(() =>
  orEmpty(
    z.object(
      {
        accessTokenLifetimeMinutes: between(LIFETIMES.access.min, LIFETIMES.access.max).default(
          LIFETIMES.access.default,
        ),
        refreshTokenLifetimeMinutes: z
          .number({ error: 'must be 0 (unlimited) or a whole number of minutes' })
          .int('must be 0 (unlimited) or a whole number of minutes')
          .min(0, 'must be 0 (unlimited) or a whole number of minutes')
          .default(LIFETIMES.refreshUnlimited),
        refreshTokenWindowMinutes: between(LIFETIMES.refreshWindow.min, LIFETIMES.refreshWindow.max).optional(),
        inlineHook: z.object({ id: requiredText(255) }, { error: 'must be an object' }).nullish(),
      },
      { error: 'must be an object' },
    ),
  ),
);

const ruleShape = lazySchema(() =>
  z.object({
    type: z.literal(RULE_TYPE, {
      error: (iss) =>
        iss.input === undefined ? `The field cannot be left blank; it must be ${RULE_TYPE}` : `must be ${RULE_TYPE}`,
    }),
    name: requiredText(100),
    priority: priorityField(),
    status: statusField(),
    conditions: z.object(
      {
        people: z
          .object({ users: includeExclude(), groups: includeExclude() }, { error: 'must be an object' })
          .optional(),
        grantTypes: orEmpty(
          z.object(
            {
              include: requiredList(
                z.enum(RULE_GRANT_TYPES, {
                  error: (iss) =>
                    `'${String(iss.input)}' is not a supported grant type; supported: ${RULE_GRANT_TYPES.join(', ')}`,
                }),
              ),
            },
            { error: 'must be an object' },
          ),
        ),
        scopes: orEmpty(z.object({ include: requiredList() }, { error: 'must be an object' })),
      },
      { error: (iss) => (iss.input === undefined ? 'The field cannot be left blank' : 'must be an object') },
    ),
    actions: orEmpty(z.object({ token: token() }, { error: 'must be an object' })),
  }),
);

type TokenInput = z.infer<ReturnType<typeof token>>;

/** Without a window, a limited refresh lifetime caps the 7-day default window [INF]. */
const defaultWindow = (refresh: number) =>
  refresh === LIFETIMES.refreshUnlimited
    ? LIFETIMES.refreshWindow.default
    : Math.min(refresh, LIFETIMES.refreshWindow.default);

/**
 * Okta's cross-field lifetime rules: a limited refresh lifetime is at least the access lifetime,
 * and the refresh window lies between the access lifetime and the refresh lifetime.
 */
function checkLifetimes(t: TokenInput, ctx: z.RefinementCtx): void {
  const at = ['actions', 'token'];
  const { accessTokenLifetimeMinutes: access, refreshTokenLifetimeMinutes: refresh } = t;
  if (typeof access !== 'number' || typeof refresh !== 'number') return; // already reported
  const window = t.refreshTokenWindowMinutes ?? defaultWindow(refresh);
  const range = LIFETIMES.refreshWindow;
  if (refresh !== LIFETIMES.refreshUnlimited && refresh < access) {
    const message = `must be 0 (unlimited) or at least the access token lifetime (${access})`;
    ctx.addIssue({ code: 'custom', path: [...at, 'refreshTokenLifetimeMinutes'], message });
  } else if (window < range.min) {
    ctx.addIssue({
      code: 'custom',
      path: [...at, 'refreshTokenWindowMinutes'],
      message: `must be between ${range.min} and ${range.max}`,
    });
  } else if (window < access) {
    ctx.addIssue({
      code: 'custom',
      path: [...at, 'refreshTokenWindowMinutes'],
      message: `must be at least the access token lifetime (${access})`,
    });
  } else if (refresh !== LIFETIMES.refreshUnlimited && window > refresh) {
    ctx.addIssue({
      code: 'custom',
      path: [...at, 'refreshTokenWindowMinutes'],
      message: `must be at most the refresh token lifetime (${refresh})`,
    });
  }
}

/**
 * What a create (POST) or replace (PUT) may carry. Without `people` the rule applies to
 * `EVERYONE`, the Okta admin console's default ("Any user assigned the app") [INF].
 */
export const ruleInput = lazySchema(() =>
  ruleShape()
    .superRefine((rule, ctx) => checkLifetimes(rule.actions.token, ctx))
    .transform((rule) => {
      const { refreshTokenLifetimeMinutes: refresh, refreshTokenWindowMinutes: window } = rule.actions.token;
      return {
        ...rule,
        conditions: {
          ...rule.conditions,
          people: rule.conditions.people ?? {
            users: { include: [], exclude: [] },
            groups: { include: [EVERYONE], exclude: [] },
          },
        },
        actions: { token: { ...rule.actions.token, refreshTokenWindowMinutes: window ?? defaultWindow(refresh) } },
      };
    }),
);

export type RuleInput = z.output<ReturnType<typeof ruleInput>>;

export function validateRule(body: unknown): ValidationResult<RuleInput> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, issues: [{ field: 'body', message: 'must be a JSON object' }] };
  }
  const parsed = ruleInput().safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: fieldIssues(parsed.error) };
}
