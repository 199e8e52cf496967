/**
 * The Flow Runner's callback page, `/flow-runner/callback` (the runner's redirect URI, on the UI's
 * own origin). It hands the authorization response back to the run that opened the sign-in window:
 * the whole URL it was opened at (query or fragment; a fragment never reaches the server) or the
 * fields a `form_post` carried. It posts them to `window.opener` with its own origin as the target
 * (HTML §9.3.3 postMessage: no other origin can read them), and leaves them in this origin's
 * localStorage for a window without an opener (the desktop app's child window), where the runner
 * screen picks them up from the `storage` event.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  FLOW_RUNNER_CALLBACK_MESSAGE as CALLBACK_MESSAGE,
  FLOW_RUNNER_CALLBACK_PATH,
} from '../contracts/flow-runner-callback.js';
import { document, scriptJson, scriptNonce, STYLE_SOURCE } from './oauth/authorize-html.js';
import { acceptRawBodies } from './oauth/form.js';

function page(reply: FastifyReply, form: Record<string, string> | null): FastifyReply {
  const nonce = scriptNonce();
  const script =
    `(function(){var form=${scriptJson(form)};` +
    `var message=form?{type:${scriptJson(CALLBACK_MESSAGE)},form:form}:{type:${scriptJson(CALLBACK_MESSAGE)},url:location.href};` +
    `var done=document.getElementById('status');` +
    `if(window.opener&&window.opener!==window){window.opener.postMessage(message,location.origin);done.textContent='Handed back to the Flow Runner. This window closes now.';window.close();}` +
    `else{try{localStorage.setItem(${scriptJson(CALLBACK_MESSAGE)},JSON.stringify(message));}catch(e){}done.textContent='Handed back to the Flow Runner. You can close this window.';}})();`;
  const body =
    '<h1>Flow Runner callback</h1><p id="status">Handing the response back to the Flow Runner…</p>' +
    `<script nonce="${nonce}">${script}</script>`;
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${STYLE_SOURCE}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return reply
    .code(200)
    .headers({
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    })
    .type('text/html; charset=utf-8')
    .send(document('Flow Runner callback', body));
}

export async function registerFlowRunnerCallback(app: FastifyInstance): Promise<void> {
  await app.register(async (scope) => {
    acceptRawBodies(scope);
    scope.get(FLOW_RUNNER_CALLBACK_PATH, async (_request, reply) => page(reply, null));
    scope.post(FLOW_RUNNER_CALLBACK_PATH, async (request, reply) => {
      const body = typeof request.body === 'string' ? request.body : '';
      return page(reply, Object.fromEntries(new URLSearchParams(body)));
    });
  });
}
