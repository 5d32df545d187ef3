/** The API key at rest: encrypted by an injected cipher into `<home>/secrets.json`; never plain text. */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError, type KeyStatus } from '../../preload/contract';
import type { SecretService } from '../app/services';
import type { Cipher } from './cipher-types';

/** What `secrets.json` holds: the encrypted key (base64) and the backend that encrypted it. */
interface SecretsFile {
  format: 1;
  backend: string;
  encryptedKey: string;
}

/** What reading the stored key found. */
type Stored = { kind: 'none' } | { kind: 'ok'; key: string } | { kind: 'unreadable'; message: string };

/** Options of the encrypted secret service. */
export interface SecretServiceOptions {
  cipher: Cipher;
  /** Usually `<home>/secrets.json`. */
  file: string;
}

/** Trims a key and refuses an empty one (AppError `invalid-request`). */
export function cleanKey(key: string): string {
  const trimmed = key.trim();
  if (!trimmed) throw new AppError('invalid-request', 'The API key is empty.');
  return trimmed;
}

/** Parses the secrets file, or null when its shape is wrong. */
function parseSecretsFile(text: string): SecretsFile | null {
  try {
    const data = JSON.parse(text) as Partial<SecretsFile> | null;
    if (data && typeof data.backend === 'string' && typeof data.encryptedKey === 'string') {
      return { format: 1, backend: data.backend, encryptedKey: data.encryptedKey };
    }
  } catch {
    // Falls through: a damaged file reads as "unreadable", never as a crash.
  }
  return null;
}

/** Reads and decrypts the stored key, saying why when it cannot. */
function readStored(cipher: Cipher, file: string): Stored {
  if (!existsSync(file)) return { kind: 'none' };
  const saved = parseSecretsFile(readFileSync(file, 'utf8'));
  if (!saved) return { kind: 'unreadable', message: 'The saved API key file is damaged. Enter the key again.' };
  const backend = cipher.backend();
  if (saved.backend !== backend) {
    return {
      kind: 'unreadable',
      message: `The saved API key was encrypted with ${saved.backend}, but this computer now uses ${backend}. Enter the key again.`,
    };
  }
  try {
    return { kind: 'ok', key: cipher.decrypt(Buffer.from(saved.encryptedKey, 'base64')) };
  } catch {
    return { kind: 'unreadable', message: 'The saved API key could not be decrypted here. Enter the key again.' };
  }
}

/** Writes the file atomically, readable by its owner only. */
function writeSecretsFile(file: string, content: SecretsFile): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

/** Message shown when the OS offers no safe key store. */
function noSafeStoreMessage(backend: string, hasKey: boolean): string {
  const head = `This computer has no secure key store (${backend}), so Lightbox will not save the API key.`;
  return hasKey
    ? `${head} The key is kept for this session only.`
    : `${head} A key entered now is kept for this session only.`;
}

/**
 * The encrypted secret service. Fails closed: when the cipher cannot encrypt safely the key stays in
 * memory for the session and the status says so; it is never written in clear.
 */
export function createSecretService({ cipher, file }: SecretServiceOptions): SecretService {
  let sessionKey: string | null = null;
  let cached: Stored | null = null;
  const stored = (): Stored => (cached ??= readStored(cipher, file));

  const status = (): KeyStatus => {
    const backend = cipher.backend();
    const canEncrypt = cipher.canEncrypt();
    if (!canEncrypt) {
      return {
        hasKey: sessionKey !== null,
        canEncrypt,
        backend,
        message: noSafeStoreMessage(backend, sessionKey !== null),
      };
    }
    if (sessionKey !== null) return { hasKey: true, canEncrypt, backend, message: null };
    const found = stored();
    if (found.kind === 'ok') return { hasKey: true, canEncrypt, backend, message: null };
    if (found.kind === 'unreadable') return { hasKey: false, canEncrypt, backend, message: found.message };
    return { hasKey: false, canEncrypt, backend, message: 'No API key yet. Enter it in Settings.' };
  };

  return {
    status,
    setKey(key) {
      const clean = cleanKey(key);
      if (cipher.canEncrypt()) {
        const encryptedKey = cipher.encrypt(clean).toString('base64');
        writeSecretsFile(file, { format: 1, backend: cipher.backend(), encryptedKey });
        cached = { kind: 'ok', key: clean };
        sessionKey = null;
      } else {
        sessionKey = clean;
      }
      return status();
    },
    clearKey() {
      sessionKey = null;
      cached = null;
      rmSync(file, { force: true });
      return status();
    },
    getKey() {
      if (sessionKey !== null) return sessionKey;
      if (!cipher.canEncrypt()) return null;
      const found = stored();
      return found.kind === 'ok' ? found.key : null;
    },
  };
}
