/** One handler per channel of the contract, over the main-process services. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError, type ChannelName, type RequestOf, type ResponseOf } from '../../preload/contract';
import type { Services } from '../app/services';
import { refuseSystemFolder } from '../scan/system-folders';

/** A handler for every channel; a missing channel or a wrong response type fails `tsc`. */
export type Handlers = {
  [C in ChannelName]: (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

/** Resolves a typed folder path and checks it names an existing directory. */
async function existingDirectory(raw: string): Promise<string> {
  const abs = path.resolve(raw);
  const info = await stat(abs).catch(() => null);
  if (!info) throw new AppError('invalid-request', `No folder at ${abs}`);
  if (!info.isDirectory()) throw new AppError('invalid-request', `${abs} is a file, not a folder`);
  return abs;
}

/** Throws when a folder is one of the system's pseudo folders (/proc, /sys, /dev...), else returns it. */
function photoFolder(abs: string): string {
  const refused = refuseSystemFolder(abs);
  if (refused !== null) throw new AppError('invalid-request', refused);
  return abs;
}

/** Throws 'not-found' unless the photo exists. */
function photoPathOrThrow(services: Services, id: number): string {
  const file = services.catalog.photoPath(id);
  if (!file) throw new AppError('not-found', `No photo with id ${id}`);
  return file;
}

/** Starts a folder scan in the background; failures are logged, progress goes out as events. */
function startScan(services: Services, folderId: number): void {
  services.scanner.scanFolder(folderId).catch((error: unknown) => {
    console.error(`[scan] folder ${folderId} failed:`, error);
  });
}

/** Builds the handlers of every channel over `services`. */
export function createHandlers(services: Services): Handlers {
  const { catalog, sync, settings, secrets } = services;
  return {
    'app.info': () => ({ version: services.version, shell: services.shell, platform: process.platform }),

    'folders.list': () => catalog.listFolders(),
    'folders.add': async ({ path: typed }) => {
      const abs = typed !== undefined ? await existingDirectory(typed) : await services.chooseFolder();
      if (abs === null) return null;
      const folder = catalog.addFolder(photoFolder(abs));
      startScan(services, folder.id);
      services.events.emit('catalog:changed', { ids: [] });
      return { ...folder, scanning: true };
    },
    'folders.remove': ({ id }) => {
      services.scanner.cancel(id);
      catalog.removeFolder(id);
      services.events.emit('catalog:changed', { ids: [] });
    },
    'folders.rescan': ({ id }) => {
      if (catalog.folderPath(id) === null) throw new AppError('not-found', `No folder with id ${id}`);
      startScan(services, id);
    },

    'photos.buckets': (query) => catalog.buckets(query),
    'photos.page': ({ query, offset, limit }) => catalog.page(query, offset, limit),
    'photos.ids': (query) => catalog.ids(query),
    'photos.get': ({ id }) => {
      const detail = catalog.get(id);
      if (!detail) throw new AppError('not-found', `No photo with id ${id}`);
      return detail;
    },
    'photos.update': ({ ids, patch }) => {
      const outcome = catalog.applyEdit(ids, patch);
      services.events.emit('catalog:changed', { ids });
      return outcome;
    },
    'photos.reveal': ({ id }) => services.revealFile(photoPathOrThrow(services, id)),

    'tags.list': () => catalog.tags(),

    'sync.plan': ({ ids }) => sync.plan(ids),
    'sync.start': ({ ids }) => sync.start(ids),
    'sync.pause': () => sync.pause(),
    'sync.resume': () => sync.resume(),
    'sync.cancel': () => sync.cancel(),
    'sync.status': () => sync.status(),
    'sync.retryFailed': () => sync.retryFailed(),
    'sync.resolveUncertain': ({ ids, action }) => sync.resolveUncertain(ids, action),
    'sync.report': () => ({ text: sync.report() }),

    'settings.get': () => settings.get(),
    'settings.set': (patch) => {
      // Note: the key belongs to one server: moving the API address drops it, so a page that changes
      // the address can never have the saved key sent somewhere else.
      if (patch.apiBase !== undefined && patch.apiBase !== settings.get().apiBase) secrets.clearKey();
      return settings.set(patch);
    },

    'secrets.status': () => secrets.status(),
    'secrets.setKey': ({ key }) => secrets.setKey(key),
    'secrets.clearKey': () => secrets.clearKey(),
  };
}
