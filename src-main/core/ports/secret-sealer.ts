/**
 * How private signing keys and client secrets are kept at rest: the store seals each one as it
 * writes it and unseals it as it reads it. The desktop app's sealer encrypts with the OS keychain
 * (`electron/secret-sealer.ts`); headless, `PLAIN_SEALER` (`core/secret-sealer.ts`) keeps them as
 * they are, protected by the data folder's file permissions.
 */
export interface SecretSealer {
  /** The stored form of `plain`. */
  seal(plain: string): string;
  /** The secret a stored value holds: a sealed value decrypted, a plain one (an older folder) as it is. @throws Error when it cannot */
  unseal(stored: string): string;
}
