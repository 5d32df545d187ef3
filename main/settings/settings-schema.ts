/** Settings defaults and the JSON schema both stores (conf in Node, electron-store in Electron) validate with. */
import type { Schema } from 'conf';
import type { Settings } from '../../preload/contract';

/** The settings a new profile starts with. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  apiBase: 'https://api.memories.ai',
  uniqueId: 'default',
  requestsPerSecond: 1,
  autoSync: false,
  sendTimeAsUtc: false,
  convertUnsupported: false,
  thumbSize: 320,
});

/** JSON schema of `settings.json`, one entry per key (the same limits as the contract's settings patch). */
export const SETTINGS_SCHEMA: Schema<Settings> = {
  apiBase: { type: 'string', pattern: '^https?://', maxLength: 2048 },
  uniqueId: { type: 'string', minLength: 1, maxLength: 100 },
  requestsPerSecond: { type: 'number', minimum: 0.01, maximum: 20 },
  autoSync: { type: 'boolean' },
  sendTimeAsUtc: { type: 'boolean' },
  convertUnsupported: { type: 'boolean' },
  thumbSize: { type: 'integer', minimum: 64, maximum: 1024 },
};

/** Options shared by both stores; the file is `<home>/settings.json`. */
export function settingsStoreOptions(home: string) {
  return {
    cwd: home,
    schema: SETTINGS_SCHEMA,
    defaults: { ...DEFAULT_SETTINGS },
    // Note: a hand-damaged settings file (bad JSON or a value outside the schema) starts over from
    // the defaults instead of stopping the app at launch.
    clearInvalidConfig: true,
    watch: false,
  };
}
