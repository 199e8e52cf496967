/**
 * Which flows an app may run and the steps of each. A flow is offered only when the app's grant
 * types (and response types, for the browser flows) allow it, as Okta's /authorize and /token
 * would refuse it otherwise (Okta "Choose an OAuth 2.0 flow"); the others say why not.
 */
import { FLOWS, FLOW_LABELS, FLOW_RESPONSE_TYPES } from '../../contracts/flow-run.js';
import type { Flow, FlowOptionDto, StepName } from '../../contracts/flow-run.js';
import type { AppRecord } from '../ports/apps.js';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** The steps of each flow, in order; `poll` repeats while the device authorization is pending. */
export const FLOW_STEPS: Record<Flow, readonly StepName[]> = {
  'code-pkce': ['discovery', 'keys', 'authorize', 'callback', 'token'],
  code: ['discovery', 'keys', 'authorize', 'callback', 'token'],
  implicit: ['discovery', 'keys', 'authorize', 'callback'],
  hybrid: ['discovery', 'keys', 'authorize', 'callback', 'token'],
  'client-credentials': ['discovery', 'keys', 'token'],
  password: ['discovery', 'keys', 'token'],
  refresh: ['discovery', 'keys', 'token'],
  device: ['discovery', 'keys', 'device-authorize', 'poll'],
};

export const isBrowserFlow = (flow: Flow): boolean => FLOW_RESPONSE_TYPES[flow] !== undefined;

/** The response type a browser flow uses when the run names none. */
export const defaultResponseType = (flow: Flow): string | undefined => FLOW_RESPONSE_TYPES[flow]?.[0];

function grants(app: AppRecord): string[] {
  return app.document.oauth.grant_types;
}

function hasResponseTypes(app: AppRecord, responseType: string): boolean {
  return responseType.split(' ').every((part) => (app.document.oauth.response_types as string[]).includes(part));
}

/** Why `flow` cannot run for `app` (with `responseType` for the browser flows), or undefined when it can. */
export function whyNot(app: AppRecord, flow: Flow, responseType = defaultResponseType(flow)): string | undefined {
  const has = (grant: string) => grants(app).includes(grant);
  const confidential = app.clientSecret !== null;
  if (app.status !== 'ACTIVE') return `${app.label} is INACTIVE`;
  switch (flow) {
    case 'code-pkce':
    case 'code':
      if (!has('authorization_code')) return 'the app does not allow the authorization_code grant';
      if (flow === 'code' && !confidential)
        return 'a public client (no client secret) must use PKCE; choose Authorization Code + PKCE';
      if (flow === 'code' && app.document.pkceRequired) return 'the app requires PKCE';
      break;
    case 'implicit':
      if (!has('implicit')) return 'the app does not allow the implicit grant';
      break;
    case 'hybrid':
      if (!has('authorization_code') || !has('implicit'))
        return 'a hybrid flow needs both the authorization_code and implicit grants';
      break;
    case 'client-credentials':
      if (!has('client_credentials')) return 'the app does not allow the client_credentials grant';
      if (!confidential) return 'client credentials need a client secret';
      break;
    case 'password':
      if (!has('password')) return 'the app does not allow the password grant';
      break;
    case 'refresh':
      if (!has('refresh_token')) return 'the app does not allow the refresh_token grant';
      break;
    case 'device':
      if (!has(DEVICE_GRANT)) return 'the app does not allow the device authorization grant';
      break;
  }
  if (responseType !== undefined && !hasResponseTypes(app, responseType))
    return `the app's response types do not include ${responseType.split(' ').join(' and ')}`;
  return undefined;
}

/** Every flow, each offered or not with the reason. */
export function flowOptions(app: AppRecord): FlowOptionDto[] {
  return FLOWS.map((flow) => {
    const reason = whyNot(app, flow);
    return reason === undefined
      ? { flow, label: FLOW_LABELS[flow], allowed: true }
      : { flow, label: FLOW_LABELS[flow], allowed: false, reason };
  });
}
