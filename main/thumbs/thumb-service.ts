/** Thumbnails by catalog id: made with sharp in a bounded queue, cached on disk by (path, size, mtime). */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CatalogService, EventBus, ThumbService } from '../app/services';
import { renderThumb } from './render-thumb';
import { createWorkQueue } from './work-queue';

/** What the thumbnail service needs. */
export interface ThumbServiceOptions {
  catalog: CatalogService & { setThumbUrl?: (urlFor: (id: number) => string) => void };
  cacheDir: string;
  urlFor: (id: number) => string;
  events: EventBus;
  /** Long side in pixels (default 320). */
  size?: number;
  /** Thumbnails made at once (default 2). */
  concurrency?: number;
}

/** Bumped whenever rendering changes (a new decoder, another format), so old thumbnails and failures are redone. */
export const RENDER_VERSION = 3;

/** The cache file name of a photo's thumbnail: a hash of what identifies its bytes, the size and the renderer. */
export function cacheKey(absPath: string, size: number, mtimeMs: number, longSide: number): string {
  return createHash('sha256')
    .update(`${RENDER_VERSION}\0${absPath}\0${size}\0${Math.trunc(mtimeMs)}\0${longSide}`)
    .digest('hex')
    .slice(0, 40);
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Creates the thumbnail service. */
export function createThumbService(o: ThumbServiceOptions): ThumbService {
  const longSide = o.size ?? 320;
  const queue = createWorkQueue(o.concurrency ?? 2);
  const inFlight = new Map<string, Promise<string | null>>();
  // Note: the shell decides the URL scheme; the catalog builds records with it, so it is told here.
  o.catalog.setThumbUrl?.(o.urlFor);

  const make = async (id: number, source: string, target: string, failedMarker: string): Promise<string | null> => {
    if (await exists(target)) return target;
    if (await exists(failedMarker)) return null;
    try {
      await queue.run(() => renderThumb(source, target, longSide));
      o.events.emit('thumbs:ready', { ids: [id] });
      return target;
    } catch (error) {
      // Note: a marker remembers the failure, so an undecodable file (HEIC without a decoder,
      // truncated beyond repair) is not retried on every scroll; a changed file gets a new key.
      const reason = error instanceof Error ? error.message : String(error);
      await fs.writeFile(failedMarker, reason).catch(() => undefined);
      return null;
    }
  };

  const fileFor = async (id: number): Promise<string | null> => {
    const source = o.catalog.photoPath(id);
    if (source === null) return null;
    const st = await fs.stat(source).catch(() => null);
    if (!st?.isFile()) return null;
    const key = cacheKey(source, st.size, st.mtimeMs, longSide);
    const target = path.join(o.cacheDir, key.slice(0, 2), `${key}.webp`);
    let pending = inFlight.get(key);
    if (!pending) {
      pending = make(id, source, target, `${target}.failed`).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  };

  return { urlFor: o.urlFor, fileFor };
}
