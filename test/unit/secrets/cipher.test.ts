import { describe, expect, it, vi } from 'vitest';
import { createSafeStorageCipher, type SafeStorageLike } from '../../../main/secrets/cipher';

// Note: Electron's module cannot load in plain Node; the cipher receives safeStorage explicitly below,
// so the stand-in here only satisfies the import.
vi.mock('electron', () => ({ safeStorage: {} }));

/** A safeStorage look-alike reporting a given Linux backend. */
function storage(backend: string, available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend as ReturnType<SafeStorageLike['getSelectedStorageBackend']>,
    encryptString: (plain: string) => Buffer.from([...Buffer.from(plain)].reverse()),
    decryptString: (data: Buffer) => Buffer.from([...data].reverse()).toString(),
  };
}

describe('createSafeStorageCipher', () => {
  it('counts Linux basic_text and unknown backends as unable to encrypt', () => {
    expect(createSafeStorageCipher(storage('basic_text'), 'linux').canEncrypt()).toBe(false);
    expect(createSafeStorageCipher(storage('unknown'), 'linux').canEncrypt()).toBe(false);
    expect(createSafeStorageCipher(storage('gnome_libsecret'), 'linux').canEncrypt()).toBe(true);
    expect(createSafeStorageCipher(storage('kwallet6'), 'linux').backend()).toBe('kwallet6');
  });

  it('follows isEncryptionAvailable and names the macOS and Windows stores', () => {
    expect(createSafeStorageCipher(storage('x', false), 'darwin').canEncrypt()).toBe(false);
    expect(createSafeStorageCipher(storage('x'), 'darwin').backend()).toBe('keychain');
    expect(createSafeStorageCipher(storage('x'), 'win32').backend()).toBe('dpapi');
    expect(createSafeStorageCipher(storage('x'), 'win32').canEncrypt()).toBe(true);
  });

  it('round-trips through the storage', () => {
    const cipher = createSafeStorageCipher(storage('kwallet5'), 'linux');
    expect(cipher.decrypt(cipher.encrypt('abc'))).toBe('abc');
  });
});
