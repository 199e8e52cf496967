/**
 * The Flow Runner's HTTP client: fetch over loopback to Authbox's own endpoints, one request as
 * written, redirects not followed (each hop is a step to show), headers and body kept as received.
 */
import type { HttpTransport } from '../core/ports/flow-runs.js';

/** The longest answer body the runner keeps (a JWKS or a token response is far smaller). */
const MAX_BODY = 256 * 1024;

export const loopbackTransport: HttpTransport = {
  async send(request) {
    const init: RequestInit = { method: request.method, headers: request.headers, redirect: 'manual' };
    if (request.body !== undefined) init.body = request.body;
    const response = await fetch(request.url, init);
    const body = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return {
      status: response.status,
      headers,
      body: body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}…` : body,
    };
  },
};
