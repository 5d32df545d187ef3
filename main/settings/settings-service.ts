/** Settings with defaults and validation over a key-value store (conf or electron-store). */
import { AppError, settingsPatchSchema, type Settings } from '../../preload/contract';
import type { SettingsService } from '../app/services';
import { DEFAULT_SETTINGS } from './settings-schema';

export { openFileSettingsStore } from './file-settings-store';

/** The part of conf / electron-store the service uses. */
export interface SettingsStore {
  /** Everything stored (read from disk). */
  readonly store: Partial<Record<keyof Settings, unknown>>;
  /** Writes several keys at once. */
  set(values: Partial<Settings>): void;
}

/** Formats zod issues as one line for the person. */
function describe(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');
}

/** Reads the stored settings, keeping only valid values and filling the rest with defaults. */
function readValid(store: SettingsStore): Settings {
  const stored = store.store;
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const field = settingsPatchSchema.shape[key];
    const parsed = field.safeParse(stored[key]);
    if (stored[key] !== undefined && parsed.success && parsed.data !== undefined) result[key] = parsed.data;
  }
  return result as unknown as Settings;
}

/** Builds the settings service; an invalid patch throws AppError('invalid-request') and changes nothing. */
export function createSettingsService(store: SettingsStore): SettingsService {
  return {
    get: () => readValid(store),
    set(patch) {
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success) throw new AppError('invalid-request', describe(parsed.error.issues));
      const values = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
      if (Object.keys(values).length) store.set(values as Partial<Settings>);
      return readValid(store);
    },
  };
}
