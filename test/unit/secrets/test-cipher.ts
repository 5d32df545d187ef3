/** A real cipher for tests: AES-256-GCM from node:crypto with a key derived from a passphrase. */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Cipher } from '../../../main/secrets/cipher-types';

/** Options of the test cipher: its backend name, whether it is "safe", and its passphrase. */
export interface TestCipherOptions {
  backend?: string;
  safe?: boolean;
  passphrase?: string;
}

/** Builds an AES-GCM cipher that behaves like safeStorage on one backend. */
export function createTestCipher(o: TestCipherOptions = {}): Cipher {
  const key = createHash('sha256')
    .update(o.passphrase ?? 'test passphrase')
    .digest();
  return {
    backend: () => o.backend ?? 'gnome_libsecret',
    canEncrypt: () => o.safe ?? true,
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(data) {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  };
}
