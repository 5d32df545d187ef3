/** The worker pool on a real exifr hang (a 32-byte "ftyp heic" file): the task gets its time-out answer, the stuck thread is ended, the next task runs. */
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerPool, WorkerStartError, type WorkerPool } from '../../../main/metadata/worker-pool';
import { buildTiff, t } from './fixtures';

const script = new URL('../../helpers/exifr-worker.mjs', import.meta.url);

type Answer =
  { ok: boolean; keys?: string[]; error?: string } | { timedOut: true } | { failed: string; start: boolean };

/** The HEIF header that makes exifr 7.1.3 loop forever: an ftyp box, then nothing (the next box has length 0). */
function ftypHeic(): Uint8Array {
  const b = Buffer.alloc(32);
  b.writeUInt32BE(0x18, 0);
  b.write('ftypheic', 4, 'latin1');
  b.write('mif1heic', 16, 'latin1');
  return new Uint8Array(b);
}

let pool: WorkerPool<Uint8Array | string, Answer> | null = null;
afterEach(async () => pool?.close());

function makePool(size: number, timeoutMs: number, file = script): WorkerPool<Uint8Array | string, Answer> {
  pool = createWorkerPool<Uint8Array | string, Answer>({
    start: async () => (options) => new Worker(file, options),
    size,
    timeoutMs,
    onTimeout: () => ({ timedOut: true }),
    onFailure: (_req, err) => ({ failed: err.message, start: err instanceof WorkerStartError }),
  });
  return pool;
}

describe('createWorkerPool', () => {
  it('answers a task stuck in exifr with the time-out answer and keeps serving other tasks', async () => {
    const p = makePool(2, 5000); // long enough for a cold worker on a busy machine, short for a test
    const tiff = new Uint8Array(buildTiff({ ifd0: { 0x010f: t.ascii('Nikon') } }));
    const [stuck, fine] = await Promise.all([p.run(ftypHeic()), p.run(tiff)]);
    expect(stuck).toEqual({ timedOut: true });
    expect(fine).toEqual({ ok: true, keys: ['Make'] });
    // The stuck thread was ended: a later task gets a fresh worker and an answer.
    expect(await p.run(tiff)).toEqual({ ok: true, keys: ['Make'] });
  });

  it('runs more tasks than workers one after another, and reports a crashed worker as a failure', async () => {
    const p = makePool(1, 20_000);
    const tiff = new Uint8Array(buildTiff({ ifd0: { 0x0110: t.ascii('D70') } }));
    const answers = await Promise.all([p.run(tiff), p.run('crash'), p.run(tiff)]);
    expect(answers[0]).toEqual({ ok: true, keys: ['Model'] });
    expect(answers[1]).toEqual({ failed: 'the reader stopped (exit code 3)', start: false });
    expect(answers[2]).toEqual({ ok: true, keys: ['Model'] });
  });

  it('tells a worker that never started (missing script) apart', async () => {
    const p = makePool(1, 20_000, new URL('./no-such-worker.mjs', import.meta.url));
    const answer = await p.run('x');
    expect(answer).toMatchObject({ start: true });
  });
});
