import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretService } from '../../../main/secrets/secret-service';
import { createTestCipher } from './test-cipher';

const KEY = 'sk-live-0123456789abcdef-PHOTOS';

let home: string;
let file: string;
beforeEach(() => {
  home = mkdtempSync(path.join(tmpdir(), 'lightbox-secrets-'));
  file = path.join(home, 'secrets.json');
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** Asserts the key appears nowhere in the file, neither in clear nor base64-encoded. */
function expectNoClearKey(text: string): void {
  expect(text).not.toContain(KEY);
  expect(text).not.toContain(Buffer.from(KEY).toString('base64'));
  expect(text).not.toContain('0123456789abcdef');
}

describe('createSecretService', () => {
  it('stores the key encrypted with its backend name and reads it back after a restart', () => {
    const first = createSecretService({ cipher: createTestCipher(), file });
    const status = first.setKey(`  ${KEY}  `);
    expect(status).toEqual({ hasKey: true, canEncrypt: true, backend: 'gnome_libsecret', message: null });
    const text = readFileSync(file, 'utf8');
    expectNoClearKey(text);
    const saved = JSON.parse(text) as { backend: string; encryptedKey: string };
    expect(saved.backend).toBe('gnome_libsecret');
    expect(Buffer.from(saved.encryptedKey, 'base64').length).toBeGreaterThan(KEY.length);

    const second = createSecretService({ cipher: createTestCipher(), file });
    expect(second.status().hasKey).toBe(true);
    expect(second.getKey()).toBe(KEY);
  });

  it('writes the file readable by its owner only', () => {
    createSecretService({ cipher: createTestCipher(), file }).setKey(KEY);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('never puts the key in a status', () => {
    const service = createSecretService({ cipher: createTestCipher(), file });
    expect(JSON.stringify(service.setKey(KEY))).not.toContain(KEY);
    expect(JSON.stringify(service.status())).not.toContain(KEY);
  });

  it('asks for the key again when the backend changed', () => {
    createSecretService({ cipher: createTestCipher({ backend: 'kwallet5' }), file }).setKey(KEY);
    const later = createSecretService({ cipher: createTestCipher({ backend: 'gnome_libsecret' }), file });
    const status = later.status();
    expect(status.hasKey).toBe(false);
    expect(status.message).toMatch(/kwallet5/);
    expect(status.message).toMatch(/gnome_libsecret/);
    expect(status.message).toMatch(/enter the key again/i);
    expect(later.getKey()).toBeNull();
  });

  it('asks for the key again when decryption fails', () => {
    createSecretService({ cipher: createTestCipher({ passphrase: 'one' }), file }).setKey(KEY);
    const later = createSecretService({ cipher: createTestCipher({ passphrase: 'two' }), file });
    expect(later.status().hasKey).toBe(false);
    expect(later.status().message).toMatch(/could not be decrypted/i);
    expect(later.getKey()).toBeNull();
  });

  it('reports a damaged file instead of crashing', () => {
    writeFileSync(file, '{ not json');
    const service = createSecretService({ cipher: createTestCipher(), file });
    expect(service.status()).toMatchObject({ hasKey: false, message: expect.stringMatching(/damaged/) });
    expect(service.getKey()).toBeNull();
    expect(service.setKey(KEY).hasKey).toBe(true);
    expect(createSecretService({ cipher: createTestCipher(), file }).getKey()).toBe(KEY);
  });

  it('fails closed on an unsafe backend: nothing on disk, session-only key, and says so', () => {
    const cipher = createTestCipher({ backend: 'basic_text', safe: false });
    const service = createSecretService({ cipher, file });
    expect(service.status()).toMatchObject({ hasKey: false, canEncrypt: false, backend: 'basic_text' });
    expect(service.status().message).toMatch(/no secure key store/i);
    const status = service.setKey(KEY);
    expect(existsSync(file)).toBe(false);
    expect(status).toMatchObject({ hasKey: true, canEncrypt: false });
    expect(status.message).toMatch(/this session only/i);
    expect(service.getKey()).toBe(KEY);
    expect(createSecretService({ cipher, file }).status().hasKey).toBe(false);
  });

  it('does not decrypt an old file once the backend became unsafe', () => {
    createSecretService({ cipher: createTestCipher(), file }).setKey(KEY);
    const unsafe = createSecretService({ cipher: createTestCipher({ safe: false }), file });
    expect(unsafe.getKey()).toBeNull();
    expect(unsafe.status().canEncrypt).toBe(false);
  });

  it('clears the key from memory and disk', () => {
    const service = createSecretService({ cipher: createTestCipher(), file });
    service.setKey(KEY);
    expect(service.clearKey().hasKey).toBe(false);
    expect(existsSync(file)).toBe(false);
    expect(service.getKey()).toBeNull();
  });

  it('refuses an empty key', () => {
    const service = createSecretService({ cipher: createTestCipher(), file });
    expect(() => service.setKey('   ')).toThrow(/empty/);
    expect(existsSync(file)).toBe(false);
  });
});
