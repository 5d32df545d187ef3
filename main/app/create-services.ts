/** Composes the main-process services from their factories (used by Electron, the web shell and tests). */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openCatalog } from '../catalog/catalog';
import { createScanService } from '../scan/scan-service';
import { httpOnlineProbe, queuedPhotoIds, startAutoSync, type AutoSync } from '../sync/auto-sync';
import { createSyncService } from '../sync/sync-service';
import { createThumbService } from '../thumbs/thumb-service';
import { createEventBus } from './event-bus';
import type { SecretService, Services, SettingsService } from './services';

/** What a composition root supplies: the profile folder and the capabilities of its shell. */
export interface ServiceOptions {
  home: string;
  shell: Services['shell'];
  version: string;
  settings: SettingsService;
  secrets: SecretService;
  /** The URL a renderer uses for a photo's thumbnail in this shell. */
  thumbUrl: (id: number) => string;
  chooseFolder: () => Promise<string | null>;
  revealFile: (absPath: string) => void;
  /** "Can memories.ai be reached?" for auto-sync (default: an HTTP HEAD to the API base). */
  online?: () => Promise<boolean>;
}

/** Opens the catalog in `home` and builds every service over it. */
export function createServices(o: ServiceOptions): Services & { autoSync: AutoSync } {
  mkdirSync(o.home, { recursive: true });
  const events = createEventBus();
  const catalog = openCatalog(path.join(o.home, 'catalog.sqlite'));
  const scanner = createScanService({ catalog, events });
  // Note: the size is read once at start; the cache key includes it, so a new size makes new thumbnails.
  const thumbs = createThumbService({
    catalog,
    cacheDir: path.join(o.home, 'thumbs'),
    urlFor: o.thumbUrl,
    events,
    size: o.settings.get().thumbSize,
  });
  const sync = createSyncService({ catalog, events, settings: o.settings, secrets: o.secrets });
  const settings = o.settings;
  const autoSync = startAutoSync({
    sync,
    settings,
    queuedIds: () => queuedPhotoIds(catalog.db),
    online: o.online ?? httpOnlineProbe(() => settings.get().apiBase),
  });
  return {
    shell: o.shell,
    version: o.version,
    events,
    catalog,
    scanner,
    thumbs,
    sync,
    settings: o.settings,
    secrets: o.secrets,
    chooseFolder: o.chooseFolder,
    revealFile: o.revealFile,
    autoSync,
  };
}
