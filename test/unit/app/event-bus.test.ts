import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../main/app/event-bus';
import type { ScanProgress } from '../../../preload/contract';

describe('event bus', () => {
  it('coalesces catalog:changed ids into one event, deduplicated', async () => {
    const bus = createEventBus({ coalesceMs: 10 });
    const got: number[][] = [];
    bus.on('catalog:changed', (e) => got.push(e.ids));
    bus.emit('catalog:changed', { ids: [3, 1] });
    bus.emit('catalog:changed', { ids: [1, 2] });
    expect(got).toEqual([]);
    await new Promise((r) => setTimeout(r, 30));
    expect(got).toEqual([[1, 2, 3]]);
  });

  it('an event without ids means "anything" and wins over ids', () => {
    const bus = createEventBus({ coalesceMs: 1000 });
    const got: number[][] = [];
    bus.on('thumbs:ready', (e) => got.push(e.ids));
    bus.emit('thumbs:ready', { ids: [5] });
    bus.emit('thumbs:ready', { ids: [] });
    bus.emit('thumbs:ready', { ids: [6] });
    bus.flush();
    expect(got).toEqual([[]]);
  });

  it('passes progress straight through and stops calling a listener after unsubscribe', () => {
    const bus = createEventBus();
    const got: ScanProgress[] = [];
    const off = bus.on('scan:progress', (p) => got.push(p));
    const p = { folderId: 1, found: 2, done: 1, failed: 0, finished: false };
    bus.emit('scan:progress', p);
    off();
    bus.emit('scan:progress', { ...p, done: 2 });
    expect(got).toEqual([p]);
  });

  it('one failing listener does not stop the others', () => {
    const bus = createEventBus();
    let reached = false;
    bus.on('sync:progress', () => {
      throw new Error('listener bug');
    });
    bus.on('sync:progress', () => (reached = true));
    const original = console.error;
    console.error = () => undefined;
    try {
      bus.emit('sync:progress', {
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
      });
    } finally {
      console.error = original;
    }
    expect(reached).toBe(true);
  });
});
