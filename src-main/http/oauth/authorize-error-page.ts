/**
 * The 400 page of an authorize request that cannot be redirected (RFC 6749 §4.1.2.1: unknown
 * client, unregistered redirect URI): it names the problem, escaped, and never sends a Location.
 */
import type { FastifyReply } from 'fastify';
import type { OAuthError } from '../../core/protocol/oauth-errors.js';
import { escapeHtml, sendPage } from './authorize-html.js';

export function sendErrorPage(reply: FastifyReply, error: OAuthError, status = 400): FastifyReply {
  const body =
    `<h1>The sign-in request cannot go on</h1>` +
    `<p class="error" role="alert">${escapeHtml(error.description)}</p>` +
    `<p>Error: <code>${escapeHtml(error.error)}</code>. Go back to the application and start again; if this repeats, check the app's settings in Authbox.</p>`;
  return sendPage(reply, status, { title: 'Sign-in error', body });
}
