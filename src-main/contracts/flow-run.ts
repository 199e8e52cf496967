/**
 * Flow Runner runs as the sandbox API and the renderer see them: the flows, a run's parameters, its
 * steps (each HTTP exchange as it went over the wire), its tokens, the client checks a relying party
 * makes, and the decision the server's event log recorded for each request.
 */
import { z } from 'zod';
import { fieldIssues } from './authorization-server.js';
import type { ValidationResult } from './authorization-server.js';
import type { DecisionTrace } from './trace.js';

export const FLOWS = [
  'code-pkce',
  'code',
  'implicit',
  'hybrid',
  'client-credentials',
  'password',
  'refresh',
  'device',
] as const;
export type Flow = (typeof FLOWS)[number];

export const FLOW_LABELS: Record<Flow, string> = {
  'code-pkce': 'Authorization Code + PKCE',
  code: 'Authorization Code',
  implicit: 'Implicit',
  hybrid: 'Hybrid',
  'client-credentials': 'Client Credentials',
  password: 'Resource Owner Password',
  refresh: 'Refresh Token',
  device: 'Device Authorization',
};

/** The response types each browser flow may ask for (OIDC Core §3.2, §3.3). */
export const FLOW_RESPONSE_TYPES: Partial<Record<Flow, readonly string[]>> = {
  'code-pkce': ['code'],
  code: ['code'],
  implicit: ['id_token', 'id_token token'],
  hybrid: ['code id_token', 'code token', 'code id_token token'],
};

export const RESPONSE_MODES = ['query', 'fragment', 'form_post'] as const;
export const PKCE_METHODS = ['S256', 'plain'] as const;
export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'none'] as const;
export const FOLLOW_UPS = ['userinfo', 'introspect', 'revoke', 'refresh'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

export { FLOW_RUNNER_CALLBACK_MESSAGE, FLOW_RUNNER_CALLBACK_PATH } from './flow-runner-callback.js';

const text = z.string().trim().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters');

const runInput = z.strictObject({
  serverId: text,
  appId: text,
  flow: z.enum(FLOWS, { error: `must be one of ${FLOWS.join(', ')}` }),
  scopes: z
    .array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'must be scope names'))
    .max(50)
    .optional(),
  state: text.optional(),
  nonce: text.optional(),
  responseType: z.string().optional(),
  responseMode: z.enum(RESPONSE_MODES, { error: `must be one of ${RESPONSE_MODES.join(', ')}` }).optional(),
  prompt: z.enum(['none', 'login', 'consent', 'login consent']).optional(),
  maxAge: z.int('must be a whole number of seconds').min(0).max(31_536_000).optional(),
  loginHint: text.optional(),
  pkceMethod: z.enum(PKCE_METHODS, { error: 'must be S256 or plain' }).optional(),
  clientAuth: z.enum(CLIENT_AUTH_METHODS, { error: `must be one of ${CLIENT_AUTH_METHODS.join(', ')}` }).optional(),
  username: text.optional(),
  password: z.string().max(1024).optional(),
  /** The run whose refresh token the Refresh Token flow redeems. */
  refreshFrom: text.optional(),
});

export type FlowRunInput = z.input<typeof runInput>;
export type ValidFlowRunInput = z.output<typeof runInput>;

const advanceInput = z.strictObject({
  to: z.enum(['step', 'end'], { error: 'must be step or end' }).default('step'),
});
export type AdvanceInput = z.input<typeof advanceInput>;

/** What the callback page handed back: the whole URL it was opened at, or the fields a form_post carried. */
const callbackInput = z.union([
  z.strictObject({ url: z.string().min(1, 'must not be empty').max(16_384) }),
  z.strictObject({ form: z.record(z.string(), z.string()) }),
]);
export type CallbackInput = z.input<typeof callbackInput>;

const followUpInput = z.strictObject({
  kind: z.enum(FOLLOW_UPS, { error: `must be one of ${FOLLOW_UPS.join(', ')}` }),
  token: z.enum(['access_token', 'id_token', 'refresh_token']).optional(),
});
export type FollowUpInput = z.input<typeof followUpInput>;

const redirectUriInput = z.strictObject({ appId: text });

function validate<T>(schema: z.ZodType<T>, body: unknown): ValidationResult<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, issues: [{ field: 'body', message: 'must be a JSON object' }] };
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: fieldIssues(parsed.error) };
}

export const validateRunInput = (body: unknown) => validate(runInput, body);
export const validateAdvance = (body: unknown) => validate(advanceInput, body ?? {});
export const validateCallback = (body: unknown) => validate(callbackInput, body);
export const validateFollowUp = (body: unknown) => validate(followUpInput, body);
export const validateRedirectUri = (body: unknown) => validate(redirectUriInput, body);
export {
  runInput as flowRunInput,
  advanceInput as flowAdvanceInput,
  callbackInput as flowCallbackInput,
  followUpInput as flowFollowUpInput,
  redirectUriInput as flowRedirectUriInput,
};

export interface WireRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  /** An `application/x-www-form-urlencoded` body, as sent. */
  body?: string;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Exchange {
  request: WireRequest;
  /** Absent for the authorize request, which the sign-in window sends, not the runner. */
  response?: WireResponse;
}

export type StepName =
  | 'discovery'
  | 'keys'
  | 'authorize'
  | 'callback'
  | 'token'
  | 'device-authorize'
  | 'poll'
  | 'userinfo'
  | 'introspect'
  | 'revoke'
  | 'refresh';

/** An event the server recorded for a step's request, and the decision it carries. */
export interface StepEvent {
  id: string;
  endpoint: string;
  outcome: 'success' | 'failure';
  error: string | null;
  /** Null when the request ended before a policy was evaluated, or the event is no longer kept. */
  trace: DecisionTrace | null;
  /** False once the event log has dropped it (it keeps a bounded number). */
  kept: boolean;
}

export interface RunStep {
  name: StepName;
  title: string;
  at: string;
  exchange: Exchange;
  /** What the step found: "authorization_pending", "tokens received", the OAuth error … */
  note: string;
  ok: boolean;
  events: StepEvent[];
}

export interface ClientCheck {
  id: 'state' | 'nonce' | 'at_hash' | 'c_hash' | 'pkce' | 'iss' | 'aud' | 'azp' | 'exp' | 'iat' | 'signature' | 'alg';
  /** Which token it looks at, when it looks at one. */
  token?: 'id_token' | 'access_token';
  passed: boolean;
  reason: string;
}

export interface RunTokens {
  access_token?: string;
  id_token?: string;
  refresh_token?: string;
  token_type?: string;
  expires_in?: number;
  scope?: string;
}

export type RunStatus = 'ready' | 'waiting-callback' | 'polling' | 'finished' | 'failed';

export interface DeviceCodeDto {
  user_code: string;
  verification_uri: string;
  verification_uri_complete?: string;
  interval: number;
  expires_in: number;
}

/** The parameters a run was made with, with the generated defaults filled in. */
export interface RunParams {
  scopes: string[];
  state?: string;
  nonce?: string;
  responseType?: string;
  responseMode?: (typeof RESPONSE_MODES)[number];
  prompt?: string;
  maxAge?: number;
  loginHint?: string;
  pkceMethod?: (typeof PKCE_METHODS)[number];
  clientAuth: (typeof CLIENT_AUTH_METHODS)[number];
  username?: string;
  refreshFrom?: string;
  redirectUri: string;
}

export interface FlowRunDto {
  id: string;
  flow: Flow;
  serverId: string;
  appId: string;
  clientId: string;
  appLabel: string;
  params: RunParams;
  status: RunStatus;
  /** The reason a run failed. */
  error: string | null;
  created: string;
  lastUpdated: string;
  /** The steps still to come, in order (`callback` waits for the sign-in window). */
  next: StepName[];
  /** The URL the sign-in window opens, once the authorize step has run. */
  authorizeUrl: string | null;
  device: DeviceCodeDto | null;
  /** When a device run may poll again (the server's interval), ISO time. */
  nextPollAt: string | null;
  steps: RunStep[];
  tokens: RunTokens;
  checks: ClientCheck[];
  /** Secrets, codes and tokens are masked unless the read asked to reveal them. */
  revealed: boolean;
}

export interface FlowRunSummaryDto {
  id: string;
  flow: Flow;
  serverId: string;
  appId: string;
  appLabel: string;
  status: RunStatus;
  created: string;
}

export interface FlowOptionDto {
  flow: Flow;
  label: string;
  allowed: boolean;
  /** Why it is not offered for this app. */
  reason?: string;
}

export interface FlowOptionsDto {
  redirectUri: string;
  /** Whether the app lists `redirectUri` among its sign-in redirect URIs. */
  redirectUriListed: boolean;
  flows: FlowOptionDto[];
  /** Earlier runs of this app that hold a refresh token (for the Refresh Token flow). */
  refreshSources: FlowRunSummaryDto[];
  defaultClientAuth: (typeof CLIENT_AUTH_METHODS)[number];
}
