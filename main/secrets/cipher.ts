/** The app's cipher: Electron's safeStorage, with the Linux backend check that makes it fail closed. */
import { safeStorage } from 'electron';
import { UNSAFE_BACKENDS, type Cipher } from './cipher-types';

/** The part of Electron's safeStorage the cipher uses (injectable for tests). */
export type SafeStorageLike = Pick<
  typeof safeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

/** Names the backend safeStorage uses on this platform. */
function backendName(storage: SafeStorageLike, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  // Note: only Linux can tell its backend, and only after `ready`; `basic_text` means Chromium's
  // fixed password, which is plain text in disguise, so it counts as "cannot encrypt safely".
  try {
    return storage.getSelectedStorageBackend();
  } catch {
    return 'unknown';
  }
}

/** Wraps safeStorage as a Cipher. Call after the app is ready. */
export function createSafeStorageCipher(
  storage: SafeStorageLike = safeStorage,
  platform: NodeJS.Platform = process.platform,
): Cipher {
  return {
    backend: () => backendName(storage, platform),
    canEncrypt: () => storage.isEncryptionAvailable() && !UNSAFE_BACKENDS.includes(backendName(storage, platform)),
    encrypt: (plain) => storage.encryptString(plain),
    decrypt: (data) => storage.decryptString(data),
  };
}
