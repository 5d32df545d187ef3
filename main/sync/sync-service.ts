/** The upload queue (SyncService): plan, start, pause/resume/cancel, retry and resolve, report. */
import path from 'node:path';
import type { SyncPlan, SyncStatus, UploadFields } from '../../preload/contract';
import type { CatalogService, EventBus, SecretService, SettingsService, SyncService } from '../app/services';
import type { DatabaseSync } from '../catalog/db-type';
import { listSyncRows, type SyncRow } from '../catalog/sync-rows';
import {
  getMeta,
  offsetsOf,
  problemUploads,
  queuePhotos,
  recoverInterruptedIds,
  requeueFailed,
  uncertainToQueued,
  uncertainToUploaded,
  unqueue,
  uploadedHashes,
} from '../catalog/uploads';
import type { UploadTimeouts } from '../memories/upload-images';
import { makeBatches, type SendItem } from './batches';
import { Pacer, realSleep, type Sleep } from './pacer';
import { isConvertible } from './convert';
import { computePlan, isSendable, isWaiting } from './plan';
import { Progress } from './progress';
import { CAP_META_KEY, SyncRun, type PhotoOutcome } from './sync-run';
import { toUtcDatetime } from './utc-time';

/** What the sync service is built from; clock, sleep and random are injectable for tests. */
export interface SyncDeps {
  catalog: CatalogService & { readonly db: DatabaseSync };
  events: EventBus;
  settings: SettingsService;
  secrets: SecretService;
  clock?: () => number;
  sleep?: Sleep;
  random?: () => number;
  /** Requests in flight at once (default 2). */
  concurrency?: number;
  /** Tries of a request that failed in transit before its photos fail (default 5). */
  maxAttempts?: number;
  /** How long to wait for the network to come back before failing (default: forever). */
  offlineGiveUpMs?: number;
  /** The batch size tried until the server states its cap (default 20). */
  initialCap?: number;
  timeouts?: Partial<UploadTimeouts>;
  /** Called for each photo outcome as it happens. */
  onOutcome?: (o: PhotoOutcome) => void;
  /** Called once at creation with the photos a previous process left mid-upload, now uncertain. */
  onRecovered?: (uncertainIds: number[]) => void;
}

const MIME_BY_EXT: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.bmp': 'image/bmp',
  '.webp': 'image/webp',
};

/** The true image type of a photo: the catalog's (from the bytes), else from the extension. */
export function mimeOf(row: Pick<SyncRow, 'mime' | 'name'>): string {
  if (row.mime?.startsWith('image/')) return row.mime;
  return MIME_BY_EXT[path.extname(row.name).toLowerCase()] ?? 'application/octet-stream';
}

/** Builds the sync service; photos left `sending` by a previous process become `uncertain` now. */
export function createSyncService(deps: SyncDeps): SyncService {
  const db = deps.catalog.db;
  const clock = deps.clock ?? Date.now;
  const sleep = deps.sleep ?? realSleep;
  const random = deps.random ?? Math.random;
  const recovered = recoverInterruptedIds(db, clock());
  if (recovered.length > 0) deps.onRecovered?.(recovered);
  let progress = new Progress(clock);
  let run: SyncRun | null = null;
  let running: Promise<void> = Promise.resolve();
  let lastEmit = 0;
  const pacer = new Pacer(() => deps.settings.get().requestsPerSecond, clock, sleep);

  const cap = (): number => Number(getMeta(db, CAP_META_KEY)) || (deps.initialCap ?? 20);
  const emit = (force = true): void => {
    const t = clock();
    if (!force && t - lastEmit < 250) return;
    lastEmit = t;
    deps.events.emit('sync:progress', progress.status());
  };
  const changed = (ids: number[]): void => {
    deps.events.emit('catalog:changed', { ids });
    emit();
  };

  // Note: "send as UTC" needs the photo's own offset; without one the time goes as recorded, and the plan says how often.
  const countWithoutZone = (rows: SyncRow[]): number => {
    const dated = rows.filter((r) => isSendable(r) && r.fields.datetime_taken !== null);
    const offsets = offsetsOf(
      db,
      dated.map((r) => r.id),
    );
    return dated.filter((r) => !offsets.has(r.id)).length;
  };

  const itemsFor = (
    rows: SyncRow[],
    sendAsUtc: boolean,
  ): { items: SendItem[]; effective: Map<number, UploadFields> } => {
    const offsets = sendAsUtc
      ? offsetsOf(
          db,
          rows.map((r) => r.id),
        )
      : new Map<number, string>();
    const effective = new Map<number, UploadFields>();
    const items = rows.map((r): SendItem => {
      effective.set(r.id, r.fields);
      const fields = { ...r.fields, tags: [...r.fields.tags] };
      if (sendAsUtc && fields.datetime_taken)
        fields.datetime_taken = toUtcDatetime(fields.datetime_taken, offsets.get(r.id));
      return { id: r.id, path: r.path, name: r.name, size: r.size, mime: mimeOf(r), fields, convert: !r.uploadable };
    });
    return { items, effective };
  };

  function start(ids?: number[]): SyncStatus {
    if (run) return progress.status();
    progress = new Progress(clock);
    const key = deps.secrets.getKey();
    if (!key) {
      progress.phase = 'stopped';
      progress.message = 'No API key yet: enter your memories.ai key in Settings, then press Sync.';
      emit();
      return progress.status();
    }
    const s = deps.settings.get();
    const rows = listSyncRows(db, ids).filter(
      (r) => isSendable(r) || (s.convertUnsupported && isWaiting(r) && isConvertible(r)),
    );
    queuePhotos(
      db,
      rows.map((r) => r.id),
      clock(),
    );
    const { items, effective } = itemsFor(rows, s.sendTimeAsUtc);
    progress.phase = 'running';
    progress.totalFiles = items.length;
    progress.totalBytes = items.reduce((n, i) => n + i.size, 0);
    const current = new SyncRun(
      {
        db,
        base: s.apiBase,
        key,
        uniqueId: s.uniqueId,
        cap: cap(),
        clock,
        sleep,
        random,
        pacer,
        progress,
        concurrency: deps.concurrency ?? 2,
        maxAttempts: deps.maxAttempts ?? 5,
        offlineGiveUpMs: deps.offlineGiveUpMs ?? Number.POSITIVE_INFINITY,
        timeouts: deps.timeouts,
        effective,
        changed,
        outcome: (o) => {
          deps.onOutcome?.(o);
          emit(false);
        },
      },
      makeBatches(s.uniqueId, items, cap()),
    );
    run = current;
    changed(rows.map((r) => r.id));
    const bytesTimer = setInterval(() => emit(false), 500);
    running = current
      .run()
      .catch((err: unknown) => {
        progress.phase = 'stopped';
        progress.message = `Sync stopped by an internal error: ${(err as Error).message}`;
      })
      .finally(() => {
        clearInterval(bytesTimer);
        finishRun(
          current,
          rows.map((r) => r.id),
        );
      });
    return progress.status();
  }

  function finishRun(current: SyncRun, ids: number[]): void {
    if (current.cancelled) {
      unqueue(db, ids, clock());
      progress.phase = 'idle';
      progress.message = 'Sync cancelled.';
    } else if (current.stopMessage === null) {
      progress.phase = 'done';
      progress.message = `${progress.doneFiles} uploaded, ${progress.failedFiles} failed, ${progress.uncertainFiles} uncertain.`;
    }
    run = null;
    changed(ids);
  }

  return {
    plan(ids?: number[]): SyncPlan {
      const s = deps.settings.get();
      const rows = listSyncRows(db, ids);
      const hashes = rows.flatMap((r) => (r.contentHash ? [r.contentHash] : []));
      const plan = computePlan(rows, s.uniqueId, cap(), s.convertUnsupported, uploadedHashes(db, hashes));
      return s.sendTimeAsUtc ? { ...plan, timeAsRecorded: countWithoutZone(rows) } : plan;
    },
    start,
    pause() {
      if (run && progress.phase !== 'stopped') {
        run.pause();
        progress.phase = 'paused';
        progress.message = 'Paused: no new upload starts until you resume.';
        emit();
      }
      return progress.status();
    },
    resume() {
      if (run?.paused) {
        run.paused = false;
        progress.phase = 'running';
        progress.message = null;
        run.wake();
        emit();
      }
      return progress.status();
    },
    cancel() {
      if (run) {
        run.controller.abort();
        run.wake();
        progress.message = 'Cancelling…';
        emit();
      }
      return progress.status();
    },
    status: () => progress.status(),
    retryFailed() {
      const requeued = requeueFailed(db, clock());
      changed([]);
      return { requeued };
    },
    resolveUncertain(ids, action) {
      let resolved: number;
      if (action === 'upload-again') resolved = uncertainToQueued(db, ids, clock());
      else
        resolved = uncertainToUploaded(
          db,
          listSyncRows(db, ids).map((r) => ({ id: r.id, fields: r.fields })),
          clock(),
        );
      changed(ids);
      return { resolved };
    },
    report() {
      const lines = problemUploads(db).map(
        (p) => `${p.state}\t${p.path}\t${p.reason ?? ''}${p.retryable === true ? ' (retry may help)' : ''}`,
      );
      return lines.length === 0 ? 'No failed or uncertain uploads.\n' : `state\tpath\treason\n${lines.join('\n')}\n`;
    },
    idle: () => running,
  };
}
