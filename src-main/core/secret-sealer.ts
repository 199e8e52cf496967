/**
 * Sealed values are marked with a prefix, so a store can hold both: values written before sealing
 * existed (or while the keychain was unavailable) stay plain and still read.
 */
import type { SecretSealer } from './ports/secret-sealer.js';

export const SEALED_PREFIX = 'sealed:v1:';

/** Encrypts to and decrypts from base64 text (the OS keychain's cipher in the desktop app). */
export interface SecretCipher {
  encrypt(plain: string): string;
  decrypt(base64: string): string;
}

/** Seals with `cipher` under the marker; unseals marked values with it and passes plain ones through. */
export function markedSealer(cipher: SecretCipher): SecretSealer {
  return {
    seal: (plain) => `${SEALED_PREFIX}${cipher.encrypt(plain)}`,
    unseal: (stored) =>
      stored.startsWith(SEALED_PREFIX) ? cipher.decrypt(stored.slice(SEALED_PREFIX.length)) : stored,
  };
}

/**
 * Headless: secrets are stored as they are (the data folder is 0700 and its files 0600). A value
 * the desktop app sealed cannot be read without its keychain: that is said, not guessed at.
 */
export const PLAIN_SEALER: SecretSealer = {
  seal: (plain) => plain,
  unseal: (stored) => {
    if (stored.startsWith(SEALED_PREFIX))
      throw new Error(
        'a private key or client secret in this data folder is encrypted with the desktop app’s OS keychain; open the folder with the desktop app (or export the sandbox from it)',
      );
    return stored;
  },
};
