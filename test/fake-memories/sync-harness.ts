/** Test wiring for sync: a real catalog in a temp folder, scanned with the product's scan service. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Settings } from '../../preload/contract';
import type { SettingsService } from '../../main/app/services';
import { createEventBus, type FlushableEventBus } from '../../main/app/event-bus';
import { openCatalog, type Catalog } from '../../main/catalog/catalog';
import { createScanService } from '../../main/scan/scan-service';
import { createMemorySecretService } from '../../main/secrets/memory-secret-service';
import { realSleep, type Sleep } from '../../main/sync/pacer';
import { createSyncService, type SyncDeps } from '../../main/sync/sync-service';

/** The key every sync test uses. */
export const TEST_KEY = 'sk-mavi-sync-test';

/** A temp profile with a photo folder. */
export interface Library {
  dir: string;
  photos: string;
  catalog: Catalog;
  events: FlushableEventBus;
  /** Scans the photo folder (adding it first). */
  scan(): Promise<void>;
  /** Catalog id of a file inside the photo folder. */
  id(rel: string): number;
  close(): void;
}

/** Opens a new library in a temp folder. */
export function openLibrary(prefix = 'lightbox-sync-'): Library {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const photos = path.join(dir, 'photos');
  const catalog = openCatalog(path.join(dir, 'catalog.sqlite'));
  const events = createEventBus({ coalesceMs: 5 });
  const scanner = createScanService({ catalog, events });
  return {
    dir,
    photos,
    catalog,
    events,
    async scan() {
      const folder = catalog.addFolder(photos);
      await scanner.scanFolder(folder.id);
    },
    id(rel) {
      const id = catalog.idForPath(path.join(photos, rel));
      if (id === null) throw new Error(`${rel} is not in the catalog`);
      return id;
    },
    close() {
      catalog.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Settings kept in memory, pointing at the fake server. */
export function memorySettings(apiBase: string, patch: Partial<Settings> = {}): SettingsService {
  let s: Settings = {
    apiBase,
    uniqueId: 'lightbox-test',
    requestsPerSecond: 50,
    autoSync: false,
    sendTimeAsUtc: false,
    convertUnsupported: false,
    thumbSize: 320,
    ...patch,
  };
  return {
    get: () => s,
    set: (p) => (s = { ...s, ...p }),
  };
}

/** A sleep that waits at most a few ms: backoff and pacing are exercised, not waited out. */
export const quickSleep: Sleep = (ms, signal) => realSleep(Math.min(ms, 3), signal);

/** A sync service over the library, talking to `apiBase`. */
export function syncFor(lib: Library, apiBase: string, extra: Partial<SyncDeps> = {}, settings?: SettingsService) {
  return createSyncService({
    catalog: lib.catalog,
    events: lib.events,
    settings: settings ?? memorySettings(apiBase),
    secrets: createMemorySecretService(TEST_KEY),
    sleep: quickSleep,
    ...extra,
  });
}
