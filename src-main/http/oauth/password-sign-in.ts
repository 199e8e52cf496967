/**
 * The sign-in form's step, at /authorize and on the device page: the core's password sign-in
 * (`core/protocol/sign-in.ts`), then the server's session cookie for as long as the session lives.
 */
import { SESSION_LIFETIME_MINUTES } from '../../core/protocol/sessions.js';
import { signInWithPassword } from '../../core/protocol/sign-in.js';
import type { SignInAlongside, SignInOutcome } from '../../core/protocol/sign-in.js';
import { SESSION_COOKIE, setCookie } from './authorize-cookies.js';
import type { ProtocolCall } from './protocol-endpoint.js';

export async function passwordSignIn<T = undefined>(
  call: ProtocolCall,
  form: Record<string, string>,
  alongside: SignInAlongside<T> = {},
): Promise<SignInOutcome<T>> {
  const { ctx, reply, server, request } = call;
  const deps = { users: ctx.services.users, sessions: ctx.services.authorize.sessions, tx: ctx.services.tx };
  const [username, password] = [form['username'] ?? '', form['password'] ?? ''];
  const outcome = await signInWithPassword(deps, server.id, username, password, request.ip, alongside);
  if (outcome.ok) setCookie(reply, server.id, SESSION_COOKIE, outcome.token, SESSION_LIFETIME_MINUTES * 60);
  return outcome;
}
