/**
 * The sign-in window of a browser flow: a popup (`window.open`) in a browser, a child window
 * through the desktop bridge in the app. The callback page (`/flow-runner/callback`) hands the
 * redirect back with postMessage restricted to this origin, or, from a window without an opener,
 * through this origin's localStorage (`storage` event).
 */
import { FLOW_RUNNER_CALLBACK_MESSAGE } from '../../../src-main/contracts/flow-run.js';
import type { CallbackInput } from '../../../src-main/contracts/flow-run.js';
import type { DesktopBridge } from '../../../src-main/contracts/desktop-bridge.js';

const bridge = (): Partial<DesktopBridge> | undefined =>
  (window as unknown as { authbox?: Partial<DesktopBridge> }).authbox;

export function openSignInWindow(url: string): void {
  const desktop = bridge();
  if (desktop?.openAuthWindow) {
    void desktop.openAuthWindow(url);
    return;
  }
  window.open(url, 'authbox-sign-in', 'popup,width=520,height=720');
}

function payloadOf(data: unknown): CallbackInput | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as { type?: unknown; url?: unknown; form?: unknown };
  if (message.type !== FLOW_RUNNER_CALLBACK_MESSAGE) return undefined;
  if (typeof message.url === 'string') return { url: message.url };
  if (typeof message.form === 'object' && message.form !== null)
    return { form: message.form as Record<string, string> };
  return undefined;
}

/** Calls `handler` with each callback the sign-in window hands back; returns the unsubscribe function. */
export function onSignInCallback(handler: (payload: CallbackInput) => void): () => void {
  const onMessage = (event: MessageEvent) => {
    if (event.origin !== window.location.origin) return;
    const payload = payloadOf(event.data);
    if (payload) handler(payload);
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key !== FLOW_RUNNER_CALLBACK_MESSAGE || !event.newValue) return;
    window.localStorage.removeItem(FLOW_RUNNER_CALLBACK_MESSAGE);
    try {
      const payload = payloadOf(JSON.parse(event.newValue));
      if (payload) handler(payload);
    } catch {
      // not ours
    }
  };
  window.addEventListener('message', onMessage);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener('message', onMessage);
    window.removeEventListener('storage', onStorage);
  };
}
