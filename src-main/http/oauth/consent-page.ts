/**
 * The consent page (OIDC Core §3.1.2.4; Okta "Authorization Server Scopes" API): the scopes whose consent is REQUIRED, each
 * with its display name and description, and Allow / Deny buttons posting back with the pending
 * request's id and the CSRF token. No script; every echoed value escaped.
 */
import { protocolPath } from '../../core/org-server.js';
import type { FastifyReply } from 'fastify';
import type { ScopeRecord } from '../../core/ports/scopes.js';
import { escapeHtml, sendPage, sourceOf } from './authorize-html.js';

export interface ConsentPage {
  serverId: string;
  appLabel: string;
  userLogin: string;
  scopes: ScopeRecord[];
  pendingId: string;
  csrf: string;
  redirectUri: string;
}

function scopeItem(scope: ScopeRecord): string {
  const name = scope.displayName ?? scope.name;
  const description = scope.description ? ` — ${escapeHtml(scope.description)}` : '';
  return `<li><strong>${escapeHtml(name)}</strong> (<code>${escapeHtml(scope.name)}</code>)${description}</li>`;
}

export function sendConsentPage(reply: FastifyReply, page: ConsentPage): FastifyReply {
  const action = `${protocolPath(page.serverId)}/v1/authorize/consent`;
  const body =
    `<h1>${escapeHtml(page.appLabel)} asks for access</h1>` +
    `<p>Signed in as ${escapeHtml(page.userLogin)}. Allow ${escapeHtml(page.appLabel)} to:</p>` +
    `<ul>${page.scopes.map(scopeItem).join('')}</ul>` +
    `<form method="post" action="${escapeHtml(action)}">` +
    `<input type="hidden" name="pending" value="${escapeHtml(page.pendingId)}">` +
    `<input type="hidden" name="csrf_token" value="${escapeHtml(page.csrf)}">` +
    `<button type="submit" name="decision" value="allow">Allow</button>` +
    `<button type="submit" name="decision" value="deny" class="secondary">Deny</button></form>`;
  return sendPage(reply, 200, { title: `Consent · ${page.appLabel}`, body, formAction: [sourceOf(page.redirectUri)] });
}
