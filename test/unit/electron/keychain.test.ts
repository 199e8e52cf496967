/** The OS keychain as the cipher for secrets at rest, with Electron's safeStorage stubbed. */
import { describe, expect, it, vi } from 'vitest';
import { keychainCipher } from '../../../src-main/electron/keychain.js';
import { FakeSafeStorage } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron());

describe('keychainCipher', () => {
  it('encrypts through safeStorage to base64 and decrypts back', () => {
    const storage = new FakeSafeStorage();
    const warn = vi.fn();
    const cipher = keychainCipher(storage, 'linux', warn)!;
    const sealed = cipher.encrypt('{"kty":"RSA","d":"secret"}');
    expect(sealed).toBe(
      Buffer.concat([Buffer.from('FAKE'), Buffer.from('{"kty":"RSA","d":"secret"}').reverse()]).toString('base64'),
    );
    expect(sealed).not.toContain('secret');
    expect(cipher.decrypt(sealed)).toBe('{"kty":"RSA","d":"secret"}');
    expect(warn).not.toHaveBeenCalled();
  });

  it('falls back to the file permissions with one warning when the keychain is unavailable', () => {
    const storage = new FakeSafeStorage();
    storage.available = false;
    const warn = vi.fn();
    expect(keychainCipher(storage, 'darwin', warn)).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      "authbox: the OS keychain is unavailable; private signing keys and client secrets are stored unencrypted, protected by the data folder's permissions (0600)",
    );
    expect(storage.encryptString).not.toHaveBeenCalled();
  });

  it("treats Linux's basic_text backend (a constant key) as no keychain", () => {
    const storage = new FakeSafeStorage();
    storage.backend = 'basic_text';
    const warn = vi.fn();
    expect(keychainCipher(storage, 'linux', warn)).toBeUndefined();
    expect(warn.mock.calls[0]![0]).toMatch(/^authbox: no keyring \(libsecret or KWallet\) was found; /);
  });

  it('asks for the Linux backend only on Linux', () => {
    const storage = new FakeSafeStorage();
    expect(keychainCipher(storage, 'win32', vi.fn())).toBeDefined();
    expect(storage.getSelectedStorageBackend).not.toHaveBeenCalled();
  });
});
