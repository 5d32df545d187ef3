import { describe, expect, it } from 'vitest';
import { createWorkQueue } from '../../../main/thumbs/work-queue';

describe('work queue', () => {
  it('runs at most `concurrency` jobs at once and starts the newest waiting job first', async () => {
    const queue = createWorkQueue(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const gates: (() => void)[] = [];
    const job = (n: number) => () =>
      new Promise<number>((resolve) => {
        running++;
        peak = Math.max(peak, running);
        started.push(n);
        gates.push(() => {
          running--;
          resolve(n);
        });
      });
    const results = [1, 2, 3, 4, 5].map((n) => queue.run(job(n)));
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    while (gates.length > 0) {
      gates.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(await Promise.all(results)).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(started).toEqual([1, 2, 5, 4, 3]);
  });

  it('frees the slot when a job fails', async () => {
    const queue = createWorkQueue(1);
    await expect(queue.run(() => Promise.reject(new Error('bad')))).rejects.toThrow('bad');
    await expect(queue.run(() => Promise.resolve('ok'))).resolves.toBe('ok');
  });
});
