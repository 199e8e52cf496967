/**
 * The sign-in page (the contract in DESIGN.md): server-rendered, no script, inputs labelled
 * `Username` and `Password` and a `Sign in` button; the pending request's id and the CSRF token in
 * hidden fields; one generic failure message that never tells whether the user exists (and, while
 * the address is throttled, 429 with the wait). Every
 * echoed value goes through `escapeHtml`.
 */
import { protocolPath } from '../../core/org-server.js';
import type { FastifyReply } from 'fastify';
import { SIGN_IN_FAILED, tooManySignIns } from '../../core/protocol/sign-in.js';
import { escapeHtml, sendPage, sourceOf } from './authorize-html.js';

export interface SignInPage {
  serverId: string;
  appLabel: string;
  pendingId: string;
  csrf: string;
  username?: string | undefined;
  failed?: boolean;
  /** Set when the address's sign-ins are throttled: 429, the wait said on the page and in `Retry-After`. */
  retryAfterSeconds?: number | undefined;
  /** The redirect URI the flow ends at (the form's redirect may go there). */
  redirectUri: string;
  /** Where the form posts, when not the authorize sign-in (the device page's sign-in). */
  action?: string;
}

export function sendSignInPage(reply: FastifyReply, page: SignInPage): FastifyReply {
  const action = page.action ?? `${protocolPath(page.serverId)}/v1/authorize/sign-in`;
  const wait = page.retryAfterSeconds;
  const message = wait !== undefined ? tooManySignIns(wait) : page.failed ? SIGN_IN_FAILED : undefined;
  const body =
    `<h1>Sign in to ${escapeHtml(page.appLabel)}</h1>` +
    (message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : '') +
    `<form method="post" action="${escapeHtml(action)}">` +
    `<input type="hidden" name="pending" value="${escapeHtml(page.pendingId)}">` +
    `<input type="hidden" name="csrf_token" value="${escapeHtml(page.csrf)}">` +
    `<label for="username">Username</label>` +
    `<input id="username" name="username" autocomplete="username" required value="${escapeHtml(page.username ?? '')}">` +
    `<label for="password">Password</label>` +
    `<input id="password" name="password" type="password" autocomplete="current-password" required>` +
    `<button type="submit">Sign in</button></form>`;
  if (wait !== undefined) void reply.header('retry-after', String(wait));
  return sendPage(reply, wait !== undefined ? 429 : page.failed ? 401 : 200, {
    title: `Sign in · ${page.appLabel}`,
    body,
    formAction: [sourceOf(page.redirectUri)],
  });
}
