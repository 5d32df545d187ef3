/** Reads one file's metadata on a worker thread with a time limit, so a parser stuck on a damaged file never blocks the app; never throws. */
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { emptyMetadata, readFileMetadataInProcess } from './read-in-process';
import { sniffFormat } from './sniff-format';
import { TIMEOUT_PROBLEM } from './timeout-problem';
import type { FileMetadata } from './types';
import { createWorkerPool, WorkerStartError, type WorkerFactory, type WorkerPool } from './worker-pool';

/** Reader settings (tests and benchmarks change them; the app uses the defaults). */
export interface MetadataReaderSettings {
  /** Time one file may take; default 20 s (the largest corpus file takes well under a second). */
  timeoutMs: number;
  /** Worker threads; default 2-4 by core count. */
  workers: number;
  /** Read in the calling thread, without workers or a time limit. */
  inProcess: boolean;
}

const settings: MetadataReaderSettings = {
  timeoutMs: 20_000,
  workers: Math.max(2, Math.min(4, availableParallelism() - 1)),
  inProcess: false,
};
let pool: WorkerPool<string, FileMetadata> | null = null;

/** The problem given for a file whose reading ran out of time. */
export { TIMEOUT_PROBLEM };

/** Changes the reader settings; the worker pool is restarted with them. */
export async function configureMetadataReader(change: Partial<MetadataReaderSettings>): Promise<void> {
  Object.assign(settings, change);
  const old = pool;
  pool = null;
  await old?.close();
}

/** Reads the file's format, size, orientation and upload fields; never throws, and returns within the time limit. */
export async function readFileMetadata(absPath: string): Promise<FileMetadata> {
  if (settings.inProcess) return readFileMetadataInProcess(absPath);
  pool ??= createWorkerPool<string, FileMetadata>({
    start: workerStart,
    size: settings.workers,
    timeoutMs: settings.timeoutMs,
    onTimeout: (file) => unreadInTime(file),
    onFailure: (file, error) => failed(file, error),
  });
  return pool.run(absPath);
}

/** How to start a worker: from the bundle's emitted worker file, or from the .ts sources through tsx. */
async function workerStart(): Promise<WorkerFactory> {
  if (import.meta.url.endsWith('.ts')) {
    // Note: running from sources (tsx, vitest): a worker thread does not inherit tsx's loader, so a
    // tiny ES module registers it before importing the TypeScript entry. tsx's API is named by its
    // ESM file (the one resolved here is its CommonJS twin, which cannot run from a data: URL).
    const tsxApi = createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs');
    const entry = new URL('./metadata-worker.ts', import.meta.url).href;
    const code = `import { register } from ${JSON.stringify(pathToFileURL(tsxApi).href)}; register(); await import(${JSON.stringify(entry)});`;
    return (options) => new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), options);
  }
  // Note: electron-vite emits the `?nodeWorker` import as its own chunk and gives a Worker factory.
  const { default: create } = await import('./metadata-worker?nodeWorker');
  return create;
}

async function unreadInTime(absPath: string): Promise<FileMetadata> {
  return emptyMetadata(await sniffHead(absPath), [TIMEOUT_PROBLEM]);
}

async function failed(absPath: string, error: Error): Promise<FileMetadata> {
  if (error instanceof WorkerStartError) {
    // Note: where worker threads cannot start at all, reading in this thread beats reading nothing.
    settings.inProcess = true;
    return readFileMetadataInProcess(absPath);
  }
  return emptyMetadata(await sniffHead(absPath), [
    `Lightbox couldn't read this file's information (${error.message}); it may be damaged.`,
  ]);
}

/** The format from the first bytes of the file, for the reading of a file that could not be read in full. */
async function sniffHead(absPath: string): Promise<ReturnType<typeof sniffFormat>> {
  const handle = await open(absPath, 'r').catch(() => null);
  if (!handle) return { format: 'unknown', mime: null, label: 'unknown' };
  try {
    const head = new Uint8Array(64);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return sniffFormat(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
