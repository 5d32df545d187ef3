/**
 * One sync run: sends queued photos batch by batch with pacing, retries and the durable states of
 * main/catalog/uploads.ts. Every state change is committed before and after each request.
 */
import { stat } from 'node:fs/promises';
import type { UploadFields } from '../../preload/contract';
import type { DatabaseSync } from '../catalog/db-type';
import {
  markBodyComplete,
  markDuplicateOf,
  markFailed,
  markSending,
  markUncertain,
  markUploaded,
  requeue,
  setContentHash,
  setMeta,
  uncertainWithHash,
  uploadedWithHash,
} from '../catalog/uploads';
import { uploadImages, looksOffline, type UploadTimeouts } from '../memories/upload-images';
import type { UploadOutcome } from '../memories/outcome';
import { splitBatch, type Batch, type SendItem } from './batches';
import { sha256File } from '../scan/content-hash';
import { convertedName, convertToJpeg, type ConvertedCopy } from './convert';
import { backoffMs, Pacer, type Sleep } from './pacer';
import type { Progress } from './progress';

/** The meta key of the learned batch cap. */
export const CAP_META_KEY = 'memories.batchCap';

/** What happened to one photo, as it happens (the CLI prints these). */
export interface PhotoOutcome {
  id: number;
  path: string;
  state: 'uploaded' | 'failed' | 'uncertain';
  remoteId: string | null;
  reason: string | null;
}

/** Everything a run needs. */
export interface RunContext {
  db: DatabaseSync;
  base: string;
  key: string;
  uniqueId: string;
  cap: number;
  clock: () => number;
  sleep: Sleep;
  random: () => number;
  pacer: Pacer;
  progress: Progress;
  concurrency: number;
  maxAttempts: number;
  offlineGiveUpMs: number;
  timeouts: Partial<UploadTimeouts> | undefined;
  /** The values each item stands for (its effective fields), kept as sent_fields. */
  effective: Map<number, UploadFields>;
  changed: (ids: number[]) => void;
  outcome: (o: PhotoOutcome) => void;
}

interface Job {
  batch: Batch;
  /** Hashed and checked for duplicates already. */
  prepared: boolean;
  attempts: number;
}

/** The run-wide offline state: set by the first unreachable error, cleared by any answer from the server. */
interface Offline {
  since: number;
  /** Probes made so far (the backoff step). */
  tries: number;
  /** A worker is waiting out the interval before the next probe. */
  waiting: boolean;
  /** The interval is over: one worker may send one request as the probe. */
  probeDue: boolean;
}

/** The longest wait between two probes while offline. */
export const MAX_PROBE_INTERVAL_MS = 30_000;

/** What the run says while it waits for the network. */
export const OFFLINE_MESSAGE = 'Offline: memories.ai cannot be reached. Lightbox will try again by itself.';

/** A request on the wire; `complete` once its last bytes are about to go. */
interface InFlight {
  controller: AbortController;
  complete: boolean;
}

function newJob(batch: Batch, prepared: boolean): Job {
  return { batch, prepared, attempts: 0 };
}

/** A running sync; `done` resolves when every worker has stopped. */
export class SyncRun {
  readonly controller = new AbortController();
  paused = false;
  private requests = new Set<InFlight>();
  private copies: ConvertedCopy[] = [];
  stopMessage: string | null = null;
  private queue: Job[];
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private claimed = new Map<string, SendItem>();
  private followers: { item: SendItem; hash: string }[] = [];
  private rateLimits = 0;
  private offline: Offline | null = null;

  constructor(
    private readonly ctx: RunContext,
    batches: Batch[],
  ) {
    this.queue = batches.map((batch) => newJob(batch, false));
  }

  get cancelled(): boolean {
    return this.controller.signal.aborted;
  }

  /** Runs the workers to the end, then settles photos that waited on identical bytes. */
  async run(): Promise<void> {
    try {
      // Note: allSettled, so one worker's internal error (e.g. a busy database) stops the others from
      // taking new work but lets their requests in flight finish before copies are removed.
      const results = await Promise.allSettled(
        Array.from({ length: this.ctx.concurrency }, () =>
          this.worker().catch((error: unknown) => {
            this.stopMessage ??= `Sync stopped by an internal error: ${(error as Error).message}`;
            this.wake();
            throw error;
          }),
        ),
      );
      const failure = results.find((r) => r.status === 'rejected');
      if (failure) throw failure.reason;
      if (!this.cancelled && this.stopMessage === null) this.settleFollowers();
    } finally {
      this.removeCopies();
    }
  }

  /**
   * Pauses at once: no new request starts, and requests still sending their body are stopped (nothing
   * of them can be stored yet; they go back to the queue). Requests whose body is complete finish.
   */
  pause(): void {
    this.paused = true;
    for (const r of this.requests) if (!r.complete) r.controller.abort();
  }

  /** Wakes workers (after resume, cancel or a finished job). */
  wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private waitForChange(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private async worker(): Promise<void> {
    for (;;) {
      if (this.cancelled || this.stopMessage !== null) return;
      // Note: while offline only the probe goes out; the other workers wait for its answer.
      if (this.paused || (this.offline && !this.offline.probeDue)) {
        await this.waitForChange();
        continue;
      }
      const job = this.queue.shift();
      if (!job) {
        if (this.inFlight === 0) return this.wake();
        await this.waitForChange();
        continue;
      }
      const probe = this.offline !== null;
      if (this.offline) this.offline.probeDue = false;
      this.inFlight++;
      try {
        await this.process(job);
      } finally {
        // Note: a probe that sent nothing (paused, all duplicates) must not leave the run waiting forever.
        if (probe && this.offline && !this.offline.waiting) this.offline.probeDue = true;
        this.inFlight--;
        this.wake();
      }
    }
  }

  private async process(job: Job): Promise<void> {
    if (!job.prepared) {
      await this.prepare(job.batch);
      job.prepared = true;
    }
    if (job.batch.items.length === 0) return;
    await this.ctx.pacer.acquire(this.controller.signal);
    if (this.cancelled || this.stopMessage !== null || this.paused) {
      this.queue.unshift(job);
      return;
    }
    const claimed = new Set(
      markSending(
        this.ctx.db,
        job.batch.items.map((i) => i.id),
        this.ctx.clock(),
      ),
    );
    const items = job.batch.items.filter((i) => claimed.has(i.id));
    const ids = items.map((i) => i.id);
    this.ctx.changed(job.batch.items.map((i) => i.id));
    if (items.length === 0) return;
    let streamed = 0;
    const request: InFlight = { controller: new AbortController(), complete: false };
    const stopRequest = (): void => request.controller.abort();
    this.controller.signal.addEventListener('abort', stopRequest);
    this.requests.add(request);
    const outcome = await uploadImages(
      { base: this.ctx.base, key: this.ctx.key, uniqueId: this.ctx.uniqueId, files: items, fields: job.batch.fields },
      {
        signal: request.controller.signal,
        timeouts: this.ctx.timeouts,
        onBytes: (n) => {
          streamed += n;
          this.ctx.progress.sent(n);
        },
        beforeLastBytes: () => {
          markBodyComplete(this.ctx.db, ids, this.ctx.clock());
          request.complete = true;
        },
      },
    );
    this.requests.delete(request);
    this.controller.signal.removeEventListener('abort', stopRequest);
    this.ctx.progress.inFlightBytes -= streamed;
    await this.handle(job, outcome);
  }

  /** Hashes the batch's files and sets aside those whose bytes are already uploaded or being sent. */
  private async prepare(batch: Batch): Promise<void> {
    const keep: SendItem[] = [];
    for (const item of batch.items) {
      let hash: string;
      try {
        const st = await stat(item.path);
        item.size = st.size;
        hash = await sha256File(item.path);
      } catch (err) {
        this.fail([item], `Cannot read the file: ${(err as Error).message}`, true);
        continue;
      }
      setContentHash(this.ctx.db, item.id, hash);
      if (item.convert && !(await this.convert(item))) continue;
      const original = uploadedWithHash(this.ctx.db, hash);
      const rep = this.claimed.get(hash);
      const uncertainTwin = original ? null : uncertainWithHash(this.ctx.db, hash, item.id);
      if (original && original.id !== item.id) this.duplicate(item, original);
      else if (uncertainTwin) {
        // Note: sending it could store these bytes twice; the person decides about the uncertain one first.
        this.fail(
          [item],
          `Not sent: it has the same bytes as ${uncertainTwin}, whose upload is uncertain. Resolve that one, then retry.`,
          true,
        );
      } else if (rep && rep.id !== item.id) this.followers.push({ item, hash });
      else {
        this.claimed.set(hash, item);
        keep.push(item);
      }
    }
    batch.items = keep;
  }

  /** Swaps a photo's file for a JPEG copy; false (and the photo failed) when it cannot be made. */
  private async convert(item: SendItem): Promise<boolean> {
    try {
      const copy = await convertToJpeg(item.path, item.id);
      this.copies.push(copy);
      item.sourcePath = item.path;
      item.path = copy.path;
      item.size = copy.size;
      item.name = convertedName(item.name);
      item.mime = 'image/jpeg';
      return true;
    } catch (err) {
      this.fail([item], `Could not make a JPEG copy to send: ${(err as Error).message}`, false);
      return false;
    }
  }

  /** Deletes the converted copies of this run. */
  removeCopies(): void {
    for (const c of this.copies.splice(0)) c.remove();
  }

  private async handle(job: Job, o: UploadOutcome): Promise<void> {
    const items = job.batch.items;
    const ids = items.map((i) => i.id);
    if (o.kind !== 'aborted' && !(o.kind === 'transient' && looksOffline(o.message))) this.backOnline();
    switch (o.kind) {
      case 'ok':
        this.ctx.pacer.success();
        this.rateLimits = 0;
        return this.uploaded(items, o.ids);
      case 'validation':
        return this.validation(job, o.file, o.message);
      case 'cap':
        return this.capExceeded(job, o.cap, o.message);
      case 'rate-limited':
        return this.rateLimited(job);
      case 'auth':
        return this.stop(
          ids,
          `memories.ai refused the API key (${o.message}). Enter a valid key in Settings, then press Sync again.`,
        );
      case 'balance':
        return this.stop(
          ids,
          `Your memories.ai balance is used up (${o.message}). Top up your account, then press Sync again; nothing was lost.`,
        );
      case 'disabled':
        return this.stop(
          ids,
          `Your memories.ai account is disabled (${o.message}). Contact memories.ai; your photos stay queued.`,
        );
      case 'duplicate':
        return this.fail(
          items,
          `memories.ai reported a duplicate operation without ids (${o.message}); not counted as uploaded.`,
          false,
        );
      case 'unknown':
        return this.fail(items, `memories.ai answered ${o.code}: ${o.message}`, true);
      case 'transient':
      case 'aborted':
        return this.transient(job, o);
    }
  }

  private uploaded(items: SendItem[], remoteIds: string[]): void {
    const rows = items.map((it, i) => ({
      id: it.id,
      remoteId: remoteIds[i] as string,
      sentFields: this.ctx.effective.get(it.id) ?? it.fields,
    }));
    markUploaded(this.ctx.db, rows, this.ctx.clock());
    for (const [i, it] of items.entries()) this.finish(it, 'uploaded', remoteIds[i] ?? null, null);
    this.ctx.changed(items.map((i) => i.id));
  }

  private duplicate(item: SendItem, original: NonNullable<ReturnType<typeof uploadedWithHash>>): void {
    markDuplicateOf(this.ctx.db, item.id, original, this.ctx.clock());
    this.finish(item, 'uploaded', original.remoteId, null);
    this.ctx.changed([item.id]);
  }

  private fail(items: SendItem[], reason: string, retryable: boolean): void {
    if (items.length === 0) return;
    markFailed(
      this.ctx.db,
      items.map((i) => i.id),
      reason,
      retryable,
      this.ctx.clock(),
    );
    for (const it of items) this.finish(it, 'failed', null, reason);
    this.ctx.changed(items.map((i) => i.id));
  }

  private uncertain(items: SendItem[], reason: string): void {
    markUncertain(
      this.ctx.db,
      items.map((i) => i.id),
      reason,
      this.ctx.clock(),
    );
    for (const it of items) this.finish(it, 'uncertain', null, reason);
    this.ctx.changed(items.map((i) => i.id));
  }

  private finish(item: SendItem, state: PhotoOutcome['state'], remoteId: string | null, reason: string | null): void {
    const p = this.ctx.progress;
    if (state === 'uploaded') p.doneFiles++;
    else if (state === 'failed') p.failedFiles++;
    else p.uncertainFiles++;
    p.finishedBytes += item.size;
    this.ctx.outcome({ id: item.id, path: item.sourcePath ?? item.path, state, remoteId, reason });
  }

  private validation(job: Job, file: number | null, message: string): void {
    const items = job.batch.items;
    const named = file === null ? undefined : items[file];
    if (!named || items.length === 1) return this.fail(items, `memories.ai refused it: ${message}`, false);
    // Note: the whole request was rejected because of one named file: fail it, send the others again.
    this.fail([named], `memories.ai refused it: ${message}`, false);
    const rest = items.filter((i) => i !== named);
    requeue(
      this.ctx.db,
      rest.map((i) => i.id),
      null,
      this.ctx.clock(),
    );
    this.queue.unshift(newJob({ ...job.batch, items: rest }, true));
  }

  private capExceeded(job: Job, cap: number, message: string): void {
    const items = job.batch.items;
    if (cap >= items.length) return this.fail(items, `memories.ai refused the request: ${message}`, true);
    this.ctx.cap = cap;
    setMeta(this.ctx.db, CAP_META_KEY, String(cap));
    requeue(
      this.ctx.db,
      items.map((i) => i.id),
      null,
      this.ctx.clock(),
    );
    const parts = splitBatch(job.batch, this.ctx.uniqueId, cap);
    this.queue.unshift(...parts.map((batch) => newJob(batch, true)));
  }

  private async rateLimited(job: Job): Promise<void> {
    requeue(
      this.ctx.db,
      job.batch.items.map((i) => i.id),
      null,
      this.ctx.clock(),
    );
    this.ctx.pacer.slowDown();
    this.rateLimits++;
    // Note: the job goes back only after the backoff, so the other worker cannot take it at once.
    await this.ctx.sleep(backoffMs(this.rateLimits, this.ctx.random), this.controller.signal);
    this.queue.unshift(job);
  }

  private stop(ids: number[], message: string): void {
    requeue(this.ctx.db, ids, null, this.ctx.clock());
    this.ctx.changed(ids);
    this.stopMessage = message;
    this.setPhase('stopped', message);
    this.wake();
  }

  private async transient(job: Job, o: Extract<UploadOutcome, { kind: 'transient' | 'aborted' }>): Promise<void> {
    const items = job.batch.items;
    if (o.mayBeStored) {
      return this.uncertain(
        items,
        `The connection ended after the photo was sent (${o.message}); memories.ai may or may not have it.`,
      );
    }
    requeue(
      this.ctx.db,
      items.map((i) => i.id),
      null,
      this.ctx.clock(),
    );
    if (o.kind === 'aborted') {
      this.queue.unshift(job);
      return;
    }
    if (looksOffline(o.message)) return this.wentOffline(job, o.message);
    this.ctx.changed(items.map((i) => i.id));
    job.attempts++;
    if (job.attempts >= this.ctx.maxAttempts) {
      return this.fail(
        items,
        `memories.ai did not answer properly after ${job.attempts} tries (${o.message}). Retry later.`,
        true,
      );
    }
    await this.ctx.sleep(backoffMs(job.attempts, this.ctx.random), this.controller.signal);
    this.queue.push(job);
  }

  /**
   * The server cannot be reached: the whole run waits (the job goes back to the front of the queue),
   * one worker waits out a growing interval and then lets one request go as the probe. Gives up after
   * `offlineGiveUpMs`, leaving every photo not yet sent queued.
   */
  private async wentOffline(job: Job, message: string): Promise<void> {
    this.queue.unshift(job);
    const ids = job.batch.items.map((i) => i.id);
    const now = this.ctx.clock();
    const off = (this.offline ??= { since: now, tries: 0, waiting: false, probeDue: false });
    if (off.waiting) return this.ctx.changed(ids);
    off.probeDue = false;
    const left = off.since + this.ctx.offlineGiveUpMs - now;
    if (left <= 0) return this.giveUpOffline(message, ids);
    if (!this.paused) this.setPhase('offline', OFFLINE_MESSAGE);
    this.ctx.changed(ids);
    off.waiting = true;
    const wait = Math.min(MAX_PROBE_INTERVAL_MS, backoffMs(off.tries++, this.ctx.random), left);
    await this.ctx.sleep(wait, this.controller.signal);
    off.waiting = false;
    if (this.offline === off) off.probeDue = true;
  }

  /** The server answered: the run is online again and every worker may send. */
  private backOnline(): void {
    if (!this.offline) return;
    this.offline = null;
    if (this.ctx.progress.phase === 'offline') this.setPhase('running', null);
    this.wake();
  }

  /** Ends the run after a long offline period; the photos not sent stay queued (offline is not their fault). */
  private giveUpOffline(message: string, ids: number[]): void {
    const left = this.queue.reduce((n, j) => n + j.batch.items.length, 0) + this.followers.length;
    const ms = this.ctx.offlineGiveUpMs;
    const waited = ms < 90_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
    this.stopMessage =
      `Offline: memories.ai could not be reached for ${waited} (${message}). Nothing was lost: ` +
      `${left} photo${left === 1 ? ' stays' : 's stay'} queued; press Sync again when you are online.`;
    this.setPhase('stopped', this.stopMessage);
    this.ctx.changed(ids);
    this.wake();
  }

  private setPhase(phase: Progress['phase'], message: string | null): void {
    this.ctx.progress.phase = phase;
    this.ctx.progress.message = message;
  }

  /** Photos that waited on a photo with the same bytes: uploaded as that one, or failed with why. */
  private settleFollowers(): void {
    for (const { item, hash } of this.followers) {
      const original = uploadedWithHash(this.ctx.db, hash);
      if (original) this.duplicate(item, original);
      else
        this.fail(
          [item],
          `Not sent: it has the same bytes as ${this.claimed.get(hash)?.name ?? 'another photo'}, which was not uploaded.`,
          true,
        );
    }
  }
}
