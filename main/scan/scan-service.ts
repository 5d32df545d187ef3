/** The scan service: brings the catalog up to date with a folder on disk, in batches, cancellable. */
import type { Catalog } from '../catalog/catalog';
import { markScanned } from '../catalog/folders';
import { knownFiles, setMissing, upsertScanBatch, type KnownFile, type ScannedFile } from '../catalog/scan-writes';
import type { EventBus, ScanService, ScanSummary } from '../app/services';
import { readFileMetadata } from '../metadata/read-file-metadata';
import { readingPairs, withoutPairedRaws } from './raw-partners';
import { readFound, type MetadataReader } from './read-file';
import { walkImages, type FoundFile } from './walk';

/** What the scan service needs. */
export interface ScanServiceOptions {
  catalog: Catalog;
  events: EventBus;
  /** Metadata reader; default the product's `readFileMetadata`. */
  readMetadata?: MetadataReader;
  /** Files written per transaction. */
  batchSize?: number;
  /** Files read at once. */
  concurrency?: number;
}

interface Run {
  controller: AbortController;
  done: Promise<ScanSummary>;
}

/** Creates the scan service. */
export function createScanService(options: ScanServiceOptions): ScanService {
  const runs = new Map<number, Run>();

  const scanFolder = async (folderId: number): Promise<ScanSummary> => {
    const previous = runs.get(folderId);
    if (previous) {
      previous.controller.abort();
      await previous.done;
    }
    const controller = new AbortController();
    const done = runScan(options, folderId, controller.signal).finally(() => {
      if (runs.get(folderId)?.controller === controller) runs.delete(folderId);
    });
    runs.set(folderId, { controller, done });
    return done;
  };

  return {
    scanFolder,
    cancel(folderId) {
      runs.get(folderId)?.controller.abort();
    },
    isScanning(folderId) {
      return runs.has(folderId);
    },
  };
}

/** Same size and modification time, and the same sidecar state (an edited XMP changes values, not bytes). */
function unchanged(k: KnownFile, file: FoundFile): boolean {
  if (k.readTimedOut) return false;
  const sidecar = file.sidecarMtimeMs === null ? null : Math.trunc(file.sidecarMtimeMs);
  return k.size === file.size && k.mtimeMs === Math.trunc(file.mtimeMs) && k.sidecarMtimeMs === sidecar;
}

/** Splits found files into those to read and those unchanged; marks missing ones. */
function reconcile(catalog: Catalog, folderId: number, found: FoundFile[], events: EventBus): FoundFile[] {
  const known = knownFiles(catalog.db, folderId);
  const present: number[] = [];
  const toRead: FoundFile[] = [];
  for (const file of found) {
    const k = known.get(file.path);
    known.delete(file.path);
    if (k && unchanged(k, file)) {
      if (k.missing) present.push(k.id);
    } else toRead.push(file);
  }
  const gone = [...known.values()].filter((k) => !k.missing).map((k) => k.id);
  setMissing(catalog.db, gone, true);
  setMissing(catalog.db, present, false);
  if (gone.length + present.length > 0) events.emit('catalog:changed', { ids: [...gone, ...present] });
  return toRead;
}

async function runScan(o: ScanServiceOptions, folderId: number, signal: AbortSignal): Promise<ScanSummary> {
  const { catalog, events } = o;
  const summary: ScanSummary = { unreadable: [], outside: [] };
  const root = catalog.folderPath(folderId);
  if (root === null) return summary;
  catalog.setScanning(folderId, true);
  events.emit('catalog:changed', { ids: [] });
  const progress = { folderId, found: 0, done: 0, failed: 0, finished: false };
  try {
    const walk = await walkImages(root, signal);
    if (signal.aborted) return summary;
    summary.unreadable = walk.unreadable;
    summary.outside = walk.outside;
    const { files, partners } = withoutPairedRaws(walk.files);
    progress.found = files.length;
    const toRead = reconcile(catalog, folderId, files, events);
    progress.done = files.length - toRead.length;
    events.emit('scan:progress', { ...progress });
    const read = readingPairs(o.readMetadata ?? readFileMetadata, partners);
    await readAll({ ...o, readMetadata: read }, folderId, toRead, signal, progress);
    if (!signal.aborted) markScanned(catalog.db, folderId, [...summary.unreadable, ...summary.outside]);
  } catch (error) {
    // Note: a scan runs in the background (nobody awaits it in the app), so it must not reject;
    // a folder removed while it was scanned simply ends it.
    if (catalog.db.isOpen && catalog.folderPath(folderId) !== null) console.error(`scan of ${root} stopped:`, error);
  } finally {
    catalog.setScanning(folderId, false);
    events.emit('scan:progress', { ...progress, finished: true });
    events.emit('catalog:changed', { ids: [] });
  }
  return summary;
}

/** Reads files with a small concurrency and writes them in batches, one transaction each. */
async function readAll(
  o: ScanServiceOptions,
  folderId: number,
  files: FoundFile[],
  signal: AbortSignal,
  progress: { folderId: number; found: number; done: number; failed: number; finished: boolean },
): Promise<void> {
  const batchSize = o.batchSize ?? 200;
  const reader = o.readMetadata ?? readFileMetadata;
  let batch: ScannedFile[] = [];
  let next = 0;
  const flush = (): void => {
    if (batch.length === 0) return;
    const ids = upsertScanBatch(o.catalog.db, folderId, batch);
    batch = [];
    o.events.emit('catalog:changed', { ids });
    o.events.emit('scan:progress', { ...progress });
  };
  let writeError: unknown = null;
  const worker = async (): Promise<void> => {
    while (!signal.aborted && writeError === null && next < files.length) {
      const file = files[next++] as FoundFile;
      const scanned = await readFound(file, reader);
      batch.push(scanned);
      progress.done++;
      if (scanned.metadata.format === 'unknown') progress.failed++;
      try {
        if (batch.length >= batchSize) flush();
      } catch (error) {
        writeError = error;
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency ?? 4 }, worker));
  if (writeError !== null) throw writeError;
  // Note: files already read are written even after a cancel: each one is whole and correct.
  flush();
}
