/**
 * The device verification pages (RFC 8628 §3.3; DESIGN.md page contract): the user-code form
 * (labelled input `Code`, button `Next`), the approve/deny question and the outcome pages. Server
 * rendered with the strict CSP of `authorize-html.ts`; every echoed value escaped; each form
 * carries the browser's CSRF token.
 */
import { protocolPath } from '../../core/org-server.js';
import type { FastifyReply } from 'fastify';
import { escapeHtml, sendPage } from './authorize-html.js';

export const DEVICE_CODE_REFUSED =
  'That code is not valid or has expired. Check the code shown on your device and try again.';

const deviceAction = (serverId: string, step = '') => `${protocolPath(serverId)}/v1/device${step}`;
const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;

export function sendCodePage(
  reply: FastifyReply,
  page: { serverId: string; csrf: string; userCode?: string | undefined; refused?: boolean },
): FastifyReply {
  const body =
    `<h1>Activate your device</h1>` +
    (page.refused
      ? `<p class="error" role="alert">${escapeHtml(DEVICE_CODE_REFUSED)}</p>`
      : '<p>Enter the code shown on your device.</p>') +
    `<form method="post" action="${escapeHtml(deviceAction(page.serverId))}">` +
    hidden('csrf_token', page.csrf) +
    `<label for="user_code">Code</label>` +
    `<input id="user_code" name="user_code" autocomplete="off" autocapitalize="characters" required value="${escapeHtml(page.userCode ?? '')}">` +
    `<button type="submit">Next</button></form>`;
  return sendPage(reply, page.refused ? 400 : 200, { title: 'Activate your device', body });
}

export function sendApprovePage(
  reply: FastifyReply,
  page: { serverId: string; csrf: string; userCode: string; appLabel: string; userLogin: string; scope: string | null },
): FastifyReply {
  const scopes = (page.scope ?? '').split(' ').filter((s) => s !== '');
  const body =
    `<h1>Allow ${escapeHtml(page.appLabel)} on your device?</h1>` +
    `<p>Signed in as <strong>${escapeHtml(page.userLogin)}</strong>. Code <code>${escapeHtml(page.userCode)}</code>.</p>` +
    (scopes.length > 0 ? `<ul>${scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>` : '') +
    `<form method="post" action="${escapeHtml(deviceAction(page.serverId, '/decision'))}">` +
    hidden('csrf_token', page.csrf) +
    hidden('user_code', page.userCode) +
    `<button type="submit" name="decision" value="allow">Allow</button>` +
    `<button type="submit" name="decision" value="deny" class="secondary">Deny</button></form>`;
  return sendPage(reply, 200, { title: 'Activate your device', body });
}

export function sendDeviceOutcomePage(reply: FastifyReply, outcome: 'approved' | 'denied'): FastifyReply {
  const body =
    outcome === 'approved'
      ? '<h1>Device activated</h1><p>Return to your device: it will continue on its own.</p>'
      : '<h1>Device not activated</h1><p>The device was not given access. You can close this window.</p>';
  return sendPage(reply, 200, { title: outcome === 'approved' ? 'Device activated' : 'Device not activated', body });
}
