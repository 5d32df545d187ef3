/** The API key kept in memory only: the web shell and the CLI (MEMORIES_API_KEY) use it. */
import type { KeyStatus } from '../../preload/contract';
import type { SecretService } from '../app/services';
import { cleanKey } from './secret-service';

/** A secret service that keeps the key in memory only (web shell, CLI with MEMORIES_API_KEY). */
export function createMemorySecretService(initialKey: string | null = null): SecretService {
  let key = initialKey?.trim() || null;
  const status = (): KeyStatus => ({
    hasKey: key !== null,
    canEncrypt: false,
    backend: 'memory',
    message:
      key !== null
        ? 'The API key is kept for this session only; it is never written to disk.'
        : 'No API key yet. A key entered here is kept for this session only.',
  });
  return {
    status,
    setKey(next) {
      key = cleanKey(next);
      return status();
    },
    clearKey() {
      key = null;
      return status();
    },
    getKey: () => key,
  };
}
