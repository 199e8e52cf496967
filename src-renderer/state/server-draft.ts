/**
 * The authorization server form as plain data: what the user typed, how it becomes the API body
 * (PUT is a full replacement, Okta "Authorization Servers" API), and how the server's error causes land on its fields.
 */
import type { AuthorizationServerDto, IssuerMode, RotationMode } from '../../src-main/contracts/index.js';
import type { ApiError } from '../api/api-error.js';
import type { AuthorizationServerWrite } from '../api/api-client.js';
import { formProblemsFrom } from './form-problems.js';
import type { FieldErrorsOf, FormProblemsOf } from './form-problems.js';

export interface ServerDraft {
  name: string;
  audience: string;
  description: string;
  issuerMode: IssuerMode;
  rotationMode: RotationMode;
}

export type DraftField = keyof ServerDraft;
export type FieldErrors = FieldErrorsOf<DraftField>;

export const emptyDraft = (): ServerDraft => ({
  name: '',
  audience: '',
  description: '',
  issuerMode: 'ORG_URL',
  rotationMode: 'AUTO',
});

export function draftOf(server: AuthorizationServerDto): ServerDraft {
  return {
    name: server.name,
    audience: server.audiences[0] ?? '',
    description: server.description,
    issuerMode: server.issuerMode,
    rotationMode: server.credentials.signing.rotationMode,
  };
}

/** The body for POST/PUT. A blank audience is sent as `[""]` so the server names the real problem. */
export function toWrite(draft: ServerDraft) {
  return {
    name: draft.name,
    description: draft.description,
    audiences: [draft.audience],
    issuerMode: draft.issuerMode,
    credentials: { signing: { rotationMode: draft.rotationMode } },
  } satisfies AuthorizationServerWrite;
}

/** API cause fields (`audiences`, `credentials.signing.rotationMode`) → form fields. */
const FIELD_OF_CAUSE: Record<string, DraftField> = {
  name: 'name',
  description: 'description',
  audiences: 'audience',
  issuerMode: 'issuerMode',
  credentials: 'rotationMode',
  'credentials.signing': 'rotationMode',
  'credentials.signing.rotationMode': 'rotationMode',
};

export type FormProblems = FormProblemsOf<DraftField>;

export const formProblemsOf = (error: ApiError): FormProblems => formProblemsFrom(error, FIELD_OF_CAUSE);

export function sameDraft(a: ServerDraft, b: ServerDraft): boolean {
  return (Object.keys(a) as DraftField[]).every((field) => a[field] === b[field]);
}
