/**
 * Users as the Okta management API shows them (Okta "Users" API), and the validation of what a client
 * may write on create (POST /users), partial update (POST /users/{id}) and replace (PUT).
 * Causes name profile attributes bare (`login: …`) and the password as `password`, as Okta does.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema.js';
import { fieldIssues } from './authorization-server.js';
import type { ValidationResult } from './authorization-server.js';
import type { OktaLink } from './links.js';
import type { FieldIssue } from './okta-error.js';

export const USER_STATUSES = [
  'STAGED',
  'PROVISIONED',
  'ACTIVE',
  'RECOVERY',
  'PASSWORD_EXPIRED',
  'LOCKED_OUT',
  'SUSPENDED',
  'DEPROVISIONED',
] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** The one user type of a sandbox org (Okta's default type has an `oty…` id too). */
export const DEFAULT_USER_TYPE_ID = 'otyDEFAULT0000000000';

/** Okta's base profile; any other attribute is custom and kept as given (any JSON value). */
export const BASE_PROFILE_ATTRIBUTES = [
  'login',
  'email',
  'firstName',
  'lastName',
  'middleName',
  'honorificPrefix',
  'honorificSuffix',
  'title',
  'displayName',
  'nickName',
  'profileUrl',
  'secondEmail',
  'mobilePhone',
  'primaryPhone',
  'streetAddress',
  'city',
  'state',
  'zipCode',
  'countryCode',
  'postalAddress',
  'preferredLanguage',
  'locale',
  'timezone',
  'userType',
  'employeeNumber',
  'costCenter',
  'organization',
  'division',
  'department',
  'managerId',
  'manager',
] as const;

export interface UserProfile {
  login: string;
  email: string;
  [attribute: string]: unknown;
}

export interface UserDto {
  id: string;
  status: UserStatus;
  transitioningToStatus: UserStatus | null;
  created: string;
  activated: string | null;
  statusChanged: string | null;
  lastLogin: string | null;
  lastUpdated: string;
  passwordChanged: string | null;
  type: { id: string };
  profile: UserProfile;
  credentials: {
    /** Always `{}`: the password is never echoed. */
    password?: Record<string, never>;
    recovery_question?: { question: string };
    provider: { type: 'OKTA'; name: 'OKTA' };
  };
  _links: Record<string, OktaLink>;
}

export interface RecoveryQuestionInput {
  question: string;
  answer: string;
}

/** Credentials a write may carry; a `password` of `{}` or a question without an answer changes nothing. */
export interface CredentialsInput {
  password?: string;
  recoveryQuestion?: RecoveryQuestionInput;
}

export interface CreateUserInput extends CredentialsInput {
  profile: UserProfile;
  groupIds: string[];
  typeId?: string;
}

export interface ReplaceUserInput extends CredentialsInput {
  profile: UserProfile;
}

export interface UpdateUserInput extends CredentialsInput {
  /** Attributes to set; `null` removes an optional attribute. */
  profile: Record<string, unknown>;
}

const BLANK = 'The field cannot be left blank';
const EMAIL =
  /^[^\s@"(),:;<>[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
export const isEmail = (value: string) => value.length <= 100 && EMAIL.test(value);

const requiredText = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? BLANK : 'must be a string') })
    .max(max, `must be at most ${max} characters`)
    .refine((value) => value.trim() !== '', BLANK);

const login = lazySchema(() => requiredText(100));
const email = lazySchema(() =>
  requiredText(100).refine((value) => value.trim() === '' || isEmail(value), 'must be a valid email address'),
);
const optionalText = lazySchema(() =>
  z.string({ error: 'must be a string' }).max(1024, 'must be at most 1024 characters').nullable().optional(),
);
const secondEmail = lazySchema(() =>
  optionalText().refine((value) => value == null || value === '' || isEmail(value), 'must be a valid email address'),
);

let baseAttributes: Record<string, ReturnType<typeof optionalText>> | undefined;
/** The schemas of the base profile's other attributes, built with the profile schemas. */
const otherBaseAttributes = () =>
  (baseAttributes ??= Object.fromEntries(
    BASE_PROFILE_ATTRIBUTES.filter((name) => name !== 'login' && name !== 'email').map((name) => [
      name,
      name === 'secondEmail' ? secondEmail() : optionalText(),
    ]),
  ));

const fullProfile = lazySchema(() =>
  z
    .object(
      { login: login(), email: email(), ...otherBaseAttributes() },
      { error: (issue) => (issue.input === undefined ? BLANK : 'must be an object') },
    )
    .catchall(z.unknown()),
);
const partialProfile = lazySchema(() =>
  z
    .object(
      { login: login().optional(), email: email().optional(), ...otherBaseAttributes() },
      { error: 'must be an object' },
    )
    .catchall(z.unknown())
    .optional(),
);

const PASSWORD_RULES = 'Password requirements were not met. Password requirements: at least 8 characters.';
const credentials = lazySchema(() =>
  z
    .object(
      {
        password: z
          .object(
            {
              value: z
                .string({ error: 'must be a string' })
                .min(8, PASSWORD_RULES)
                .max(256, 'must be at most 256 characters')
                .optional(),
              hash: z
                .undefined({ error: 'importing password hashes is not supported; send the password as value' })
                .optional(),
              hook: z
                .undefined({ error: 'password import hooks are not supported; send the password as value' })
                .optional(),
            },
            { error: 'must be an object such as {"value": "…"}' },
          )
          .optional(),
        recovery_question: z
          .object(
            {
              question: z
                .string({ error: 'must be a string' })
                .max(255, 'must be at most 255 characters')
                .refine((q) => q.trim() !== '', BLANK)
                .optional(),
              answer: z
                .string({ error: 'must be a string' })
                .min(4, 'The security question answer must be at least 4 characters in length')
                .max(100, 'must be at most 100 characters')
                .optional(),
            },
            { error: 'must be an object' },
          )
          .refine((rq) => rq.answer === undefined || rq.question !== undefined, { message: BLANK, path: ['question'] })
          .optional(),
      },
      { error: 'must be an object' },
    )
    .optional(),
);

const createBody = lazySchema(() =>
  z.object({
    profile: fullProfile(),
    credentials: credentials(),
    groupIds: z.array(z.string({ error: 'must be a string' }), { error: 'must be an array of group ids' }).optional(),
    type: z
      .object({ id: z.string({ error: 'must be a string' }) }, { error: 'must be an object such as {"id": "oty…"}' })
      .optional(),
  }),
);
const replaceBody = lazySchema(() => z.object({ profile: fullProfile(), credentials: credentials() }));
const updateBody = lazySchema(() => z.object({ profile: partialProfile(), credentials: credentials() }));

/** Okta's cause names: `login`, not `profile.login`; `password`, not `credentials.password.value`. */
function oktaFieldName(field: string): string {
  return field
    .replace(/^profile\./, '')
    .replace(/^credentials\./, '')
    .replace(/^password\.value$/, 'password');
}

function issuesOf(error: z.ZodError): FieldIssue[] {
  return fieldIssues(error).map((issue) => ({ ...issue, field: oktaFieldName(issue.field) }));
}

function parse<S extends z.ZodType, T>(schema: S, body: unknown, shape: (data: z.infer<S>) => T): ValidationResult<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, issues: [{ field: 'body', message: 'must be a JSON object' }] };
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, value: shape(parsed.data) } : { ok: false, issues: issuesOf(parsed.error) };
}

type CredentialsData = z.infer<ReturnType<typeof credentials>>;

function credentialsOf(data: CredentialsData): CredentialsInput {
  const out: CredentialsInput = {};
  if (data?.password?.value !== undefined) out.password = data.password.value;
  const rq = data?.recovery_question;
  if (rq?.question !== undefined && rq.answer !== undefined)
    out.recoveryQuestion = { question: rq.question, answer: rq.answer };
  return out;
}

/** Drops `null` attributes: on create and replace, null means "not set". */
function withoutNulls(profile: Record<string, unknown>): UserProfile {
  return Object.fromEntries(
    Object.entries(profile).filter(([, value]) => value !== null && value !== undefined),
  ) as UserProfile;
}

export function validateCreateUser(body: unknown): ValidationResult<CreateUserInput> {
  return parse(createBody(), body, (data) => ({
    profile: withoutNulls(data.profile),
    groupIds: [...new Set(data.groupIds ?? [])],
    ...(data.type ? { typeId: data.type.id } : {}),
    ...credentialsOf(data.credentials),
  }));
}

export function validateReplaceUser(body: unknown): ValidationResult<ReplaceUserInput> {
  return parse(replaceBody(), body, (data) => ({
    profile: withoutNulls(data.profile),
    ...credentialsOf(data.credentials),
  }));
}

export function validateUpdateUser(body: unknown): ValidationResult<UpdateUserInput> {
  return parse(updateBody(), body, (data) => ({ profile: data.profile ?? {}, ...credentialsOf(data.credentials) }));
}

/** The body schemas of create (POST /users), replace (PUT) and partial update (POST /users/{id}), for the route map. */
export { createBody as createUserInput, replaceBody as replaceUserInput, updateBody as updateUserInput };
