/**
 * `npm run bench`: speed and memory figures of the main jobs, printed, never asserted.
 * Metadata and scan of the real corpus (when ../shared/corpus is there), the catalog at 100k photos,
 * thumbnails, and the peak memory of a streamed upload against the fake server.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createEventBus } from '../../main/app/event-bus';
import { openCatalog } from '../../main/catalog/catalog';
import { upsertScanBatch } from '../../main/catalog/scan-writes';
import { uploadImages } from '../../main/memories/upload-images';
import { isCandidateImage } from '../../main/metadata/file-kinds';
import { readFileMetadata } from '../../main/metadata/read-file-metadata';
import { createScanService } from '../../main/scan/scan-service';
import { createThumbService } from '../../main/thumbs/thumb-service';
import { startFakeMemories } from '../fake-memories/server';
import { syntheticPhoto } from '../helpers/synthetic-photo';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(here, '../../../shared/corpus');

/** Prints one figure as an aligned line. */
function report(label: string, value: string): void {
  console.log(`${label.padEnd(52)} ${value}`);
}

/** Milliseconds taken by `fn`. */
async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

/** Every candidate image below `dir`. */
async function imagesBelow(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && isCandidateImage(entry.name)) out.push(path.join(entry.parentPath, entry.name));
  }
  return out.sort();
}

/** Metadata reading and a whole scan of the real corpus. */
async function benchCorpus(tmp: string): Promise<void> {
  const files = await imagesBelow(corpus);
  const [, readMs] = await timed(async () => {
    for (const file of files) await readFileMetadata(file);
  });
  report(
    `metadata: ${files.length} corpus files, one at a time`,
    `${readMs.toFixed(0)} ms (${(files.length / (readMs / 1000)).toFixed(1)} files/s)`,
  );

  const catalog = openCatalog(path.join(tmp, 'scan.sqlite'));
  const events = createEventBus();
  const scanner = createScanService({ catalog, events });
  const folder = catalog.addFolder(corpus);
  const [, scanMs] = await timed(() => scanner.scanFolder(folder.id));
  report('scan: whole corpus into a new catalog', `${scanMs.toFixed(0)} ms`);

  const thumbs = createThumbService({
    catalog,
    cacheDir: path.join(tmp, 'thumbs'),
    urlFor: (id) => `/thumb/${id}`,
    events,
  });
  const ids = catalog.ids({}).slice(0, 40);
  const [, thumbMs] = await timed(() => Promise.all(ids.map((id) => thumbs.fileFor(id))));
  report(
    `thumbnails: ${ids.length} corpus photos, cold cache`,
    `${thumbMs.toFixed(0)} ms (${(thumbMs / ids.length).toFixed(1)} ms each)`,
  );
  const [, warmMs] = await timed(() => Promise.all(ids.map((id) => thumbs.fileFor(id))));
  report(`thumbnails: same ${ids.length}, warm cache`, `${warmMs.toFixed(1)} ms`);
  catalog.close();
}

/** The catalog with 100,000 photos: writes, the grid's queries, a bulk edit. */
async function benchCatalog(tmp: string): Promise<void> {
  const count = 100_000;
  const catalog = openCatalog(path.join(tmp, 'big.sqlite'));
  const folder = catalog.addFolder('/bench');
  const [, writeMs] = await timed(() => {
    for (let i = 0; i < count; i += 1000) {
      upsertScanBatch(
        catalog.db,
        folder.id,
        Array.from({ length: 1000 }, (_, k) => syntheticPhoto('/bench', i + k, (i + k) % 10 === 0 ? ['tenth'] : [])),
      );
    }
  });
  report(
    `catalog: write ${count} photos in batches of 1000`,
    `${writeMs.toFixed(0)} ms (${(count / (writeMs / 1000)).toFixed(0)} rows/s)`,
  );
  for (const offset of [0, 50_000, count - 200]) {
    const [, ms] = await timed(() => catalog.page({}, offset, 200));
    report(`catalog: one grid page of 200 at offset ${offset}`, `${ms.toFixed(2)} ms`);
  }
  const [buckets, bucketMs] = await timed(() => catalog.buckets({}));
  report(`catalog: month buckets (${buckets.length})`, `${bucketMs.toFixed(1)} ms`);
  const [all, idsMs] = await timed(() => catalog.ids({}));
  report(`catalog: all ids for select-all (${all.length})`, `${idsMs.toFixed(1)} ms`);
  const [, tagMs] = await timed(() => catalog.page({ tag: 'tenth' }, 0, 200));
  report('catalog: first page filtered by a tag', `${tagMs.toFixed(2)} ms`);
  const [, editMs] = await timed(() => catalog.applyEdit(all.slice(0, 10_000), { addTags: ['bench'] }));
  report('catalog: add a tag to 10,000 selected photos', `${editMs.toFixed(0)} ms`);
  catalog.close();
}

/** Writes a file of `bytes` zero bytes (the fake server checks names and types, not pixels). */
async function makeFile(file: string, bytes: number): Promise<void> {
  const handle = await open(file, 'w');
  await handle.truncate(bytes);
  await handle.close();
}

/** Peak memory of one upload request: the body streams from disk, so it must not grow with file size. */
async function benchUploadMemory(tmp: string): Promise<void> {
  const fake = await startFakeMemories({ keys: ['sk-bench'] });
  try {
    for (const [n, mb] of [
      [1, 1],
      [5, 19],
    ] as const) {
      const files = [];
      for (let i = 0; i < n; i++) {
        const file = path.join(tmp, `upload-${mb}-${i}.jpg`);
        await makeFile(file, mb * 1024 * 1024);
        files.push({ path: file, name: path.basename(file), size: mb * 1024 * 1024, mime: 'image/jpeg' });
      }
      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      const request = { base: fake.url, key: 'sk-bench', uniqueId: 'default', files };
      const fields = { datetime_taken: null, camera_model: null, latitude: null, longitude: null, tags: [] };
      const [outcome, ms] = await timed(() => uploadImages({ ...request, fields }));
      clearInterval(sampler);
      report(
        `upload: ${n} x ${mb} MiB in one request (${outcome.kind})`,
        `${ms.toFixed(0)} ms, RSS growth ${((peak - before) / 1048576).toFixed(1)} MiB (client and fake server in one process)`,
      );
    }
  } finally {
    await fake.close();
  }
}

async function main(): Promise<void> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'lightbox-bench-'));
  console.log(`Lightbox bench — node ${process.version}, ${os.cpus().length} cores\n`);
  try {
    const hasCorpus = (await readdir(corpus).catch(() => null)) !== null;
    if (hasCorpus) await benchCorpus(tmp);
    else console.log(`(no corpus at ${corpus}: metadata, scan and thumbnail figures skipped)`);
    await benchCatalog(tmp);
    await benchUploadMemory(tmp);
    if (hasCorpus) {
      console.log('\nmetadata memory (test/bench/metadata-memory.ts):');
      execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'metadata-memory.ts')], { stdio: 'inherit' });
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  process.exit(0);
}

await main();
