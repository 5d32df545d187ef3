/** Auto-sync watcher: starts a sync of the queued photos only when allowed, idle, queued and online. */
import { describe, expect, it } from 'vitest';
import type { Settings, SyncStatus } from '../../../preload/contract';
import { startAutoSync } from '../../../main/sync/auto-sync';

const idle: SyncStatus = {
  phase: 'idle',
  message: null,
  totalFiles: 0,
  doneFiles: 0,
  failedFiles: 0,
  uncertainFiles: 0,
  totalBytes: 0,
  doneBytes: 0,
  bytesPerSecond: 0,
  secondsLeft: null,
};

/** A watcher over a recorded sync, with a manual timer. */
function setup(o: { autoSync: boolean; queued: number[]; online: boolean; phase?: SyncStatus['phase'] }) {
  const started: (number[] | undefined)[] = [];
  let tick: (() => void) | null = null;
  let cleared = false;
  const state = { ...o, probes: 0 };
  const watcher = startAutoSync({
    sync: {
      status: () => ({ ...idle, phase: state.phase ?? 'idle' }),
      start: (ids) => {
        started.push(ids);
        state.phase = 'running';
        return { ...idle, phase: 'running' };
      },
    },
    settings: { get: () => ({ autoSync: state.autoSync }) as Settings },
    queuedIds: () => state.queued,
    online: () => {
      state.probes++;
      return Promise.resolve(state.online);
    },
    setInterval: (fn, ms) => {
      expect(ms).toBe(15_000);
      tick = fn;
      return 1;
    },
    clearInterval: () => {
      cleared = true;
    },
  });
  return { watcher, started, state, tick: () => tick?.(), isCleared: () => cleared };
}

describe('auto-sync', () => {
  it('starts a sync of exactly the queued photos once the probe says online', async () => {
    const t = setup({ autoSync: true, queued: [3, 7], online: false });
    expect(await t.watcher.check()).toBe(false);
    expect(t.started).toEqual([]);
    t.state.online = true;
    expect(await t.watcher.check()).toBe(true);
    expect(t.started).toEqual([[3, 7]]);
    expect(await t.watcher.check()).toBe(false);
    expect(t.started).toHaveLength(1);
  });

  it('does nothing when auto-sync is off, nothing is queued, or a sync runs, waits or was stopped', async () => {
    for (const o of [
      { autoSync: false, queued: [1], online: true },
      { autoSync: true, queued: [], online: true },
      { autoSync: true, queued: [1], online: true, phase: 'running' as const },
      { autoSync: true, queued: [1], online: true, phase: 'paused' as const },
      { autoSync: true, queued: [1], online: true, phase: 'offline' as const },
      { autoSync: true, queued: [1], online: true, phase: 'stopped' as const },
    ]) {
      const t = setup(o);
      expect(await t.watcher.check(), JSON.stringify(o)).toBe(false);
      expect(t.started).toEqual([]);
    }
  });

  it('does not probe the network when there is nothing to send', async () => {
    const t = setup({ autoSync: true, queued: [], online: true });
    await t.watcher.check();
    expect(t.state.probes).toBe(0);
  });

  it('checks on its timer and stops for good', async () => {
    const t = setup({ autoSync: true, queued: [5], online: true, phase: 'done' });
    t.watcher.stop();
    expect(t.isCleared()).toBe(true);
    t.tick();
    expect(await t.watcher.check()).toBe(false);
    expect(t.started).toEqual([]);
  });

  it('starts from the timer tick', async () => {
    const t = setup({ autoSync: true, queued: [9], online: true });
    t.tick();
    await expect.poll(() => t.started).toEqual([[9]]);
  });
});
