/** The words of Okta's Create App Integration wizard for application types, grants and client authentication. */
import type { ApplicationType, AuthMethod, GrantType } from '../../../src-main/contracts/app.js';
import type { ImplicitToken } from '../../state/app-draft.js';

/** In the order Okta's wizard lists them. */
export const APP_TYPE_CHOICES: { type: ApplicationType; label: string; description: string }[] = [
  {
    type: 'web',
    label: 'Web Application',
    description: 'Server-side applications where authentication and tokens are handled on the server.',
  },
  {
    type: 'browser',
    label: 'Single-Page Application',
    description: 'Single-page web applications that run in the browser, where the client receives tokens.',
  },
  {
    type: 'native',
    label: 'Native Application',
    description: 'Desktop or mobile applications that run natively on a device.',
  },
  {
    type: 'service',
    label: 'API Services',
    description: 'Machine-to-machine: a service that authenticates with its own credentials, no user.',
  },
];

export const APP_TYPE_WORDS: Record<ApplicationType, string> = {
  web: 'Web Application',
  browser: 'Single-Page Application',
  native: 'Native Application',
  service: 'API Services',
};

export const GRANT_WORDS: Record<GrantType, string> = {
  authorization_code: 'Authorization Code',
  implicit: 'Implicit (hybrid)',
  refresh_token: 'Refresh Token',
  client_credentials: 'Client Credentials',
  password: 'Resource Owner Password',
  'urn:ietf:params:oauth:grant-type:device_code': 'Device Authorization',
};

export const AUTH_METHOD_WORDS: Record<AuthMethod, string> = {
  client_secret_basic: 'Client secret (HTTP Basic)',
  client_secret_post: 'Client secret (in the request body)',
  client_secret_jwt: 'Client secret JWT',
  private_key_jwt: 'Public key / Private key',
  none: 'None (public client, PKCE)',
};

export const IMPLICIT_TOKEN_WORDS: Record<ImplicitToken, string> = {
  id_token: 'Allow ID Token with implicit grant type',
  token: 'Allow Access Token with implicit grant type',
};
