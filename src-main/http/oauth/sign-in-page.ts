/**
 * The sign-in page (the contract in DESIGN.md): server-rendered, no script, inputs labelled
 * `Username` and `Password` and a `Sign in` button; the pending request's id and the CSRF token in
 * hidden fields; one generic failure message that never tells whether the user exists. Every
 * echoed value goes through `escapeHtml`.
 */
import { protocolPath } from '../../core/org-server.js';
import type { FastifyReply } from 'fastify';
import { SIGN_IN_FAILED } from '../../core/protocol/sign-in.js';
import { escapeHtml, sendPage, sourceOf } from './authorize-html.js';

export interface SignInPage {
  serverId: string;
  appLabel: string;
  pendingId: string;
  csrf: string;
  username?: string | undefined;
  failed?: boolean;
  /** The redirect URI the flow ends at (the form's redirect may go there). */
  redirectUri: string;
  /** Where the form posts, when not the authorize sign-in (the device page's sign-in). */
  action?: string;
}

export function sendSignInPage(reply: FastifyReply, page: SignInPage): FastifyReply {
  const action = page.action ?? `${protocolPath(page.serverId)}/v1/authorize/sign-in`;
  const body =
    `<h1>Sign in to ${escapeHtml(page.appLabel)}</h1>` +
    (page.failed ? `<p class="error" role="alert">${escapeHtml(SIGN_IN_FAILED)}</p>` : '') +
    `<form method="post" action="${escapeHtml(action)}">` +
    `<input type="hidden" name="pending" value="${escapeHtml(page.pendingId)}">` +
    `<input type="hidden" name="csrf_token" value="${escapeHtml(page.csrf)}">` +
    `<label for="username">Username</label>` +
    `<input id="username" name="username" autocomplete="username" required value="${escapeHtml(page.username ?? '')}">` +
    `<label for="password">Password</label>` +
    `<input id="password" name="password" type="password" autocomplete="current-password" required>` +
    `<button type="submit">Sign in</button></form>`;
  return sendPage(reply, page.failed ? 401 : 200, {
    title: `Sign in · ${page.appLabel}`,
    body,
    formAction: [sourceOf(page.redirectUri)],
  });
}
