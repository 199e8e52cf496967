/**
 * The OS keychain as the cipher the store seals private signing keys and client secrets with
 * (Electron's `safeStorage`: the Keychain on macOS, DPAPI on Windows, libsecret or KWallet on
 * Linux). Called once Electron is ready (before that `safeStorage` cannot tell).
 *
 * Without a keychain — `isEncryptionAvailable()` false, or Linux's `basic_text` backend, whose key
 * is a constant in Electron's source and so protects nothing — the app still starts and keeps the
 * secrets as they are, protected by the data folder's 0600 files, and says so in one line: a
 * desktop user on a minimal Linux session expects the app to open, and the headless server keeps
 * secrets the same way. Values sealed earlier still need the keychain to be read.
 */
import type { SafeStorage } from 'electron';
import type { AppOptions } from '../app/create-app.js';

export type KeychainStorage = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

/** The keychain's cipher, or undefined (after `warn` has said why) when there is none worth the name. */
export function keychainCipher(
  safeStorage: KeychainStorage,
  platform: NodeJS.Platform,
  warn: (line: string) => void,
): AppOptions['keychain'] {
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text') {
    const why =
      backend === 'basic_text' ? 'no keyring (libsecret or KWallet) was found' : 'the OS keychain is unavailable';
    warn(
      `authbox: ${why}; private signing keys and client secrets are stored unencrypted, protected by the data folder's permissions (0600)`,
    );
    return undefined;
  }
  return {
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (base64) => safeStorage.decryptString(Buffer.from(base64, 'base64')),
  };
}
