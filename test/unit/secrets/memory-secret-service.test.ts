import { describe, expect, it } from 'vitest';
import { createMemorySecretService } from '../../../main/secrets/memory-secret-service';

describe('createMemorySecretService', () => {
  it('starts from the initial key and says it is kept for this session only', () => {
    const service = createMemorySecretService('  env-key-12345  ');
    expect(service.getKey()).toBe('env-key-12345');
    const status = service.status();
    expect(status).toMatchObject({ hasKey: true, canEncrypt: false, backend: 'memory' });
    expect(status.message).toMatch(/this session only/);
    expect(JSON.stringify(status)).not.toContain('env-key-12345');
  });

  it('treats a missing or blank initial key as no key', () => {
    expect(createMemorySecretService().status().hasKey).toBe(false);
    expect(createMemorySecretService('   ').getKey()).toBeNull();
  });

  it('sets and clears the key', () => {
    const service = createMemorySecretService();
    expect(service.setKey('new-key-123456').hasKey).toBe(true);
    expect(service.getKey()).toBe('new-key-123456');
    expect(service.clearKey().hasKey).toBe(false);
    expect(service.getKey()).toBeNull();
  });
});
