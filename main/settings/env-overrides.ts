/** MEMORIES_API_BASE / MEMORIES_UNIQUE_ID applied over the stored settings by a composition root, never stored. */
import type { Settings } from '../../preload/contract';
import type { SettingsService } from '../app/services';

/** The settings the environment overrides for this run. */
export function envSettingOverrides(env: Record<string, string | undefined>): Partial<Settings> {
  const overrides: Partial<Settings> = {};
  const apiBase = env.MEMORIES_API_BASE?.trim();
  const uniqueId = env.MEMORIES_UNIQUE_ID?.trim();
  if (apiBase) overrides.apiBase = apiBase;
  if (uniqueId) overrides.uniqueId = uniqueId;
  return overrides;
}

/** Wraps a settings service so reads see the environment's values; writes still go to the store. */
export function withEnvOverrides(
  settings: SettingsService,
  env: Record<string, string | undefined> = process.env,
): SettingsService {
  const overrides = envSettingOverrides(env);
  // Note: an override set for this run wins over a stored value, also right after the person
  // changes that setting; the stored value applies again on a run without the variable.
  return {
    get: () => ({ ...settings.get(), ...overrides }),
    set: (patch) => ({ ...settings.set(patch), ...overrides }),
  };
}
