/** Settings on disk in plain Node (CLI, web shell, tests) via `conf`, the library electron-store is built on. */
import Conf from 'conf';
import type { Settings } from '../../preload/contract';
import { settingsStoreOptions } from './settings-schema';
import type { SettingsStore } from './settings-service';

/** Opens (or creates) `<home>/settings.json`. */
export function openFileSettingsStore(home: string): SettingsStore {
  return new Conf<Settings>({ ...settingsStoreOptions(home), configName: 'settings' });
}
