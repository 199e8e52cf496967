/**
 * The Add Person form and a person's profile form as plain data: what the admin typed, how it
 * becomes the Users API body (Okta Users API: create, and the partial update `POST /users/{id}`
 * where `null` removes an attribute), and how the server's causes land on the fields. Causes name
 * profile attributes bare (`login`, `honorific`) and the password `password`, as Okta does.
 */
import type { BodyOf } from '../../src-main/contracts/route-def.js';
import type { routes } from '../../src-main/contracts/routes.js';
import type { UserDto } from '../../src-main/contracts/user.js';
import type { ApiError } from '../api/api-error.js';
import { formProblemsFrom } from './form-problems.js';
import type { FieldErrorsOf, FormProblemsOf } from './form-problems.js';

/** The profile attributes the forms show as their own fields; every other one is a key–value row. */
export const NAMED_ATTRIBUTES = ['firstName', 'lastName', 'login', 'email'] as const;
type NamedAttribute = (typeof NAMED_ATTRIBUTES)[number];

export interface NewPersonDraft {
  firstName: string;
  lastName: string;
  /** Okta's Username: the profile's `login`. */
  login: string;
  /** Okta's Primary email: the profile's `email`. */
  email: string;
  /** "Password: Set by admin"; blank leaves the person without one (PROVISIONED when activated). */
  password: string;
  activate: boolean;
}

export type NewPersonField = keyof NewPersonDraft;
export type NewPersonProblems = FormProblemsOf<NewPersonField>;

export const emptyPersonDraft = (): NewPersonDraft => ({
  firstName: '',
  lastName: '',
  login: '',
  email: '',
  password: '',
  activate: true,
});

type CreateUserBody = BodyOf<typeof routes.createUser>;
type UpdateUserBody = BodyOf<typeof routes.updateUser>;

/** The optional names are left out when blank, so the server stores no empty attribute. */
const namesOf = (draft: { firstName: string; lastName: string }) => ({
  ...(draft.firstName.trim() !== '' ? { firstName: draft.firstName } : {}),
  ...(draft.lastName.trim() !== '' ? { lastName: draft.lastName } : {}),
});

export function toCreateUser(draft: NewPersonDraft): { body: CreateUserBody; activate: boolean } {
  return {
    body: {
      profile: { ...namesOf(draft), login: draft.login, email: draft.email },
      ...(draft.password !== '' ? { credentials: { password: { value: draft.password } } } : {}),
    },
    activate: draft.activate,
  };
}

const NEW_PERSON_CAUSES: Record<string, NewPersonField> = {
  firstName: 'firstName',
  lastName: 'lastName',
  login: 'login',
  email: 'email',
  password: 'password',
};

export const newPersonProblemsOf = (error: ApiError): NewPersonProblems => formProblemsFrom(error, NEW_PERSON_CAUSES);

/** One custom attribute as the admin edits it. `json`: its stored value is not a string, so it is edited as JSON. */
export interface AttributeRow {
  /** Stable while the row lives (React key, and where its errors go). */
  key: number;
  name: string;
  value: string;
  json: boolean;
}

export interface ProfileDraft {
  firstName: string;
  lastName: string;
  login: string;
  email: string;
  attributes: AttributeRow[];
}

/** A field of the profile form: a named attribute, or an attribute row's name or value. */
export type ProfileField = NamedAttribute | `row:${number}:name` | `row:${number}:value`;
export type ProfileProblems = FormProblemsOf<ProfileField>;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function profileDraftOf(user: UserDto): ProfileDraft {
  const { profile } = user;
  const rows = Object.entries(profile).filter(([name]) => !(NAMED_ATTRIBUTES as readonly string[]).includes(name));
  return {
    firstName: text(profile['firstName']),
    lastName: text(profile['lastName']),
    login: profile.login,
    email: profile.email,
    attributes: rows.map(([name, value], index) => ({
      key: index,
      name,
      value: typeof value === 'string' ? value : JSON.stringify(value),
      json: typeof value !== 'string',
    })),
  };
}

export const nextRowKey = (rows: AttributeRow[]): number => rows.reduce((max, row) => Math.max(max, row.key), -1) + 1;

/** An attribute name the Expression Language can read as `user.<name>` (Okta's variable names). */
const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What the form refuses before asking the server: rows without a usable, unique name, or with JSON that does not parse. */
export function rowProblems(draft: ProfileDraft): FieldErrorsOf<ProfileField> {
  const errors: FieldErrorsOf<ProfileField> = {};
  const seen = new Set<string>(NAMED_ATTRIBUTES);
  for (const row of draft.attributes) {
    const name = row.name.trim();
    if (name === '') errors[`row:${row.key}:name`] = 'Enter the attribute’s name';
    else if (!ATTRIBUTE_NAME.test(name))
      errors[`row:${row.key}:name`] = 'must start with a letter or _ and hold only letters, digits and _';
    else if (seen.has(name)) errors[`row:${row.key}:name`] = `${name} is already set above`;
    seen.add(name);
    if (row.json && parsedJson(row.value) === undefined) errors[`row:${row.key}:value`] = 'must be valid JSON';
  }
  return errors;
}

function parsedJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** The partial update: every attribute of the draft, and `null` for each one the admin removed. */
export function toProfileUpdate(draft: ProfileDraft, user: UserDto): UpdateUserBody {
  const kept = new Map(draft.attributes.map((row) => [row.name.trim(), row.json ? parsedJson(row.value) : row.value]));
  const removed = Object.keys(user.profile).filter(
    (name) => !(NAMED_ATTRIBUTES as readonly string[]).includes(name) && !kept.has(name),
  );
  return {
    profile: {
      firstName: draft.firstName.trim() === '' ? null : draft.firstName,
      lastName: draft.lastName.trim() === '' ? null : draft.lastName,
      login: draft.login,
      email: draft.email,
      ...Object.fromEntries(kept),
      ...Object.fromEntries(removed.map((name) => [name, null])),
    },
  };
}

/** Causes on a named attribute go under its field; a cause on a custom attribute under that row's value. */
export function profileProblemsOf(error: ApiError, draft: ProfileDraft): ProfileProblems {
  const causes: Record<string, ProfileField> = Object.fromEntries(NAMED_ATTRIBUTES.map((name) => [name, name]));
  for (const row of draft.attributes) causes[row.name.trim()] = `row:${row.key}:value`;
  return formProblemsFrom(error, causes);
}

/** The admin's password change: `credentials.password.value` of a partial update. */
export const toPasswordUpdate = (password: string): UpdateUserBody => ({
  credentials: { password: { value: password } },
});

export const passwordProblemsOf = (error: ApiError): FormProblemsOf<'password'> =>
  formProblemsFrom(error, { password: 'password' });

/** A person's name as the lists show it: first and last name, or the username when both are blank. */
export function personName(user: UserDto): string {
  const name = [text(user.profile['firstName']), text(user.profile['lastName'])].filter(Boolean).join(' ');
  return name === '' ? user.profile.login : name;
}
