/**
 * Auto-sync: while the `autoSync` setting is on and photos wait in the queue with no sync running,
 * asks an injected "online?" probe every ~15 s and starts a sync of the queued photos once it says yes.
 */
import type { SettingsService, SyncService } from '../app/services';
import type { DatabaseSync } from '../catalog/db-type';

/** Default time between two checks. */
export const AUTO_SYNC_INTERVAL_MS = 15_000;

/** What the watcher is built from; timers are injectable for tests. */
export interface AutoSyncDeps {
  sync: Pick<SyncService, 'status' | 'start'>;
  settings: Pick<SettingsService, 'get'>;
  /** Ids of the photos in the `queued` state (the person asked to send them). */
  queuedIds: () => number[];
  /** True when memories.ai can be reached; never throws (false on doubt). */
  online: () => Promise<boolean>;
  intervalMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/** A running watcher. */
export interface AutoSync {
  /** One check now; resolves true when it started a sync. */
  check(): Promise<boolean>;
  stop(): void;
}

/** Ids of queued photos, straight from the catalog. */
export function queuedPhotoIds(db: DatabaseSync): number[] {
  const rows = db.prepare(`SELECT id FROM photos WHERE sync_state = 'queued' ORDER BY id`).all() as { id: number }[];
  return rows.map((r) => r.id);
}

/** Starts the watcher. */
export function startAutoSync(deps: AutoSyncDeps): AutoSync {
  let checking = false;
  let stopped = false;
  const check = async (): Promise<boolean> => {
    if (stopped || checking || !deps.settings.get().autoSync) return false;
    // Note: 'stopped' (bad key, no balance, disabled account) waits for the person; restarting it
    // every 15 s would only repeat the refusal.
    const phase = deps.sync.status().phase;
    if (phase === 'running' || phase === 'paused' || phase === 'offline' || phase === 'stopped') return false;
    checking = true;
    try {
      if (deps.queuedIds().length === 0 || !(await deps.online()) || stopped) return false;
      const ids = deps.queuedIds();
      if (ids.length === 0 || deps.sync.status().phase === 'running') return false;
      deps.sync.start(ids);
      return true;
    } catch {
      return false;
    } finally {
      checking = false;
    }
  };
  const set = deps.setInterval ?? ((fn: () => void, ms: number) => setInterval(fn, ms).unref());
  const clear = deps.clearInterval ?? ((h: unknown) => clearInterval(h as NodeJS.Timeout));
  const handle = set(() => void check(), deps.intervalMs ?? AUTO_SYNC_INTERVAL_MS);
  return {
    check,
    stop() {
      stopped = true;
      clear(handle);
    },
  };
}

/** An "online?" probe: any HTTP answer from `base` (even an error status) means the network is there. */
export function httpOnlineProbe(base: () => string, timeoutMs = 5000): () => Promise<boolean> {
  return async () => {
    try {
      await fetch(base(), { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
      return true;
    } catch {
      return false;
    }
  };
}
