/**
 * Sends an authorize response (success or error parameters) to the redirect URI in its response
 * mode (OAuth 2.0 Multiple Response Types §2.1, Form Post Response Mode §2; Okta "OpenID Connect & OAuth 2.0 API"):
 * `query` and `fragment` as a 302 with `Referrer-Policy: no-referrer`; `form_post` as a page that
 * posts the parameters (a nonce'd script submits it, a button does without script);
 * `okta_post_message` as a page that posts them to `window.opener` or `window.parent` with the
 * redirect URI's origin as targetOrigin (what okta-auth-js listens for).
 */
import type { FastifyReply } from 'fastify';
import type { RedirectTarget } from '../../core/protocol/authorize/types.js';
import { originOf } from '../../core/protocol/token-grants/check-origin.js';
import { document, escapeHtml, scriptJson, scriptNonce, sourceOf, STYLE_SOURCE } from './authorize-html.js';

const REDIRECT_HEADERS = { 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' };

export function sendAuthorizeResponse(
  reply: FastifyReply,
  target: RedirectTarget,
  params: Record<string, string>,
): FastifyReply {
  return authorizeResponse(target, params).send(reply);
}

/** An authorize response before it is sent: its status and location (what its event records) and how to send it. */
export interface AuthorizeResponse {
  status: number;
  location?: string;
  send(reply: FastifyReply): FastifyReply;
}

export function authorizeResponse(target: RedirectTarget, params: Record<string, string>): AuthorizeResponse {
  const encoded = new URLSearchParams(params).toString();
  switch (target.mode) {
    case 'query':
      return redirect(`${target.redirectUri}${target.redirectUri.includes('?') ? '&' : '?'}${encoded}`);
    case 'fragment':
      return redirect(`${target.redirectUri}#${encoded}`);
    case 'form_post':
      return { status: 200, send: (reply) => formPost(reply, target.redirectUri, params) };
    case 'okta_post_message':
      return { status: 200, send: (reply) => postMessage(reply, target.redirectUri, params) };
  }
}

function redirect(location: string): AuthorizeResponse {
  return {
    status: 302,
    location,
    send: (reply) =>
      reply
        .code(302)
        .headers({ ...REDIRECT_HEADERS, location })
        .send(),
  };
}

function scriptPage(reply: FastifyReply, nonce: string, csp: string[], html: string): FastifyReply {
  const policy = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${STYLE_SOURCE}`,
    "base-uri 'none'",
    ...csp,
  ].join('; ');
  return reply
    .code(200)
    .headers({ ...REDIRECT_HEADERS, 'content-security-policy': policy, 'x-content-type-options': 'nosniff' })
    .type('text/html; charset=utf-8')
    .send(html);
}

function formPost(reply: FastifyReply, redirectUri: string, params: Record<string, string>): FastifyReply {
  const nonce = scriptNonce();
  const fields = Object.entries(params)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  const body =
    `<h1>Signing you in…</h1><form id="response" method="post" action="${escapeHtml(redirectUri)}">${fields}` +
    `<noscript><p>Script is off: continue to the application.</p><button type="submit">Continue</button></noscript></form>` +
    `<script nonce="${nonce}">document.getElementById('response').submit();</script>`;
  return scriptPage(
    reply,
    nonce,
    [`form-action ${sourceOf(redirectUri)}`, "frame-ancestors 'none'"],
    document('Signing you in', body),
  );
}

function postMessage(reply: FastifyReply, redirectUri: string, params: Record<string, string>): FastifyReply {
  const nonce = scriptNonce();
  const origin = originOf(redirectUri) ?? redirectUri;
  const script =
    `(function(){var data=${scriptJson(params)};var origin=${scriptJson(origin)};` +
    `var to=window.opener&&window.opener!==window?window.opener:window.parent;if(to&&to!==window){to.postMessage(data,origin);}})();`;
  const body = `<h1>Signing you in…</h1><script nonce="${nonce}">${script}</script>`;
  return scriptPage(reply, nonce, [`frame-ancestors ${sourceOf(redirectUri)}`], document('Signing you in', body));
}
