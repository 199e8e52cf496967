/**
 * The Add New Access Policy / Edit Policy form as plain data: Name, Description, and Assign to
 * All clients or The following clients; how it becomes the API body (PUT replaces every field) and
 * how the server's causes land on its fields (Okta Authorization Servers API, Policy object).
 */
import { ALL_CLIENTS, POLICY_TYPE } from '../../src-main/contracts/policy.js';
import type { PolicyDto } from '../../src-main/contracts/policy.js';
import type { BodyOf } from '../../src-main/contracts/routes.js';
import type { routes } from '../../src-main/contracts/routes.js';
import type { ApiError } from '../api/api-error.js';
import { formProblemsFrom } from './form-problems.js';
import type { FieldErrorsOf, FormProblemsOf } from './form-problems.js';

export type PolicyWrite = BodyOf<typeof routes.createPolicy>;

export interface PolicyDraft {
  name: string;
  description: string;
  /** "Assign to": All clients, or The following clients (their client ids). */
  allClients: boolean;
  clients: string[];
}

export type PolicyField = keyof PolicyDraft;
export type PolicyFormProblems = FormProblemsOf<PolicyField>;
export type PolicyFieldErrors = FieldErrorsOf<PolicyField>;

export const emptyPolicyDraft = (): PolicyDraft => ({ name: '', description: '', allClients: true, clients: [] });

export function policyDraftOf(policy: PolicyDto): PolicyDraft {
  const include = policy.conditions.clients.include;
  const allClients = include.includes(ALL_CLIENTS);
  return { name: policy.name, description: policy.description, allClients, clients: allClients ? [] : include };
}

/** The body for POST/PUT; `extra` keeps what the form does not show (priority, status) on a replace. */
export function toPolicyWrite(draft: PolicyDraft, extra: Pick<PolicyWrite, 'priority' | 'status'> = {}): PolicyWrite {
  return {
    type: POLICY_TYPE,
    name: draft.name,
    description: draft.description,
    ...extra,
    conditions: { clients: { include: draft.allClients ? [ALL_CLIENTS] : draft.clients } },
  };
}

/** The PUT that changes nothing but the priority (a reorder). */
export const movedPolicyWrite = (policy: PolicyDto, priority: number): PolicyWrite =>
  toPolicyWrite(policyDraftOf(policy), { priority, status: policy.status });

const FIELD_OF_CAUSE: Record<string, PolicyField> = {
  name: 'name',
  description: 'description',
  conditions: 'clients',
  'conditions.clients': 'clients',
  'conditions.clients.include': 'clients',
};

export const policyProblemsOf = (error: ApiError): PolicyFormProblems => formProblemsFrom(error, FIELD_OF_CAUSE);
