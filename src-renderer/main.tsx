/**
 * Renderer entry: takes the admin token from `#token=…` (then wipes it from the address bar and
 * history), builds the store over the HTTP client, and mounts the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthboxClient } from './api/authbox-client.js';
import { App } from './app/app.js';
import { createAppStore } from './state/store.js';
import type { AppStore } from './state/store.js';
import { StoreProvider } from './state/store-context.js';
import { sessionTokenStorage } from './app/session-token-storage.js';
import { tokenFromHash } from './state/token-storage.js';
import './styles.css';

/** Moves a token found in the fragment into the store, leaving no trace of it in the URL. */
function captureTokenFromUrl(store: AppStore): void {
  const token = tokenFromHash(window.location.hash);
  if (!token) return;
  store.getState().saveToken(token);
  history.replaceState(history.state, '', window.location.pathname + window.location.search);
  // replaceState fires no hashchange; tell the router the fragment changed.
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

const client = new AuthboxClient({ getToken: () => store.getState().token });
const store = createAppStore({ api: client, tokenStorage: sessionTokenStorage() });
captureTokenFromUrl(store);
// A UI address pasted into this same tab changes only the fragment.
window.addEventListener('hashchange', () => captureTokenFromUrl(store));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
