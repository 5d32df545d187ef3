/** What the secret service needs from an encryption backend (Electron's safeStorage in the app). */
export interface Cipher {
  /** Name of the backend that encrypts here (e.g. `keychain`, `dpapi`, `gnome_libsecret`, `basic_text`). */
  backend(): string;
  /** True only when the backend protects data with a real OS key store. */
  canEncrypt(): boolean;
  /** Encrypts text; throws when the backend cannot. */
  encrypt(plain: string): Buffer;
  /** Decrypts what `encrypt` produced; throws when the data or backend does not match. */
  decrypt(data: Buffer): string;
}

/** Backends that do not protect data: Chromium's hard-coded password on Linux, or an undetected store. */
export const UNSAFE_BACKENDS: readonly string[] = ['basic_text', 'unknown'];
