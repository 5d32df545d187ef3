import { describe, expect, it } from 'vitest';
import { backoffMs, Pacer } from '../../../main/sync/pacer';

describe('backoffMs', () => {
  it('stays within [half, full] of the exponential step, capped', () => {
    expect(backoffMs(0, () => 0)).toBe(500);
    expect(backoffMs(0, () => 1)).toBe(1000);
    expect(backoffMs(3, () => 0)).toBe(4000);
    expect(backoffMs(3, () => 1)).toBe(8000);
    expect(backoffMs(30, () => 1)).toBe(60_000);
  });
});

describe('Pacer', () => {
  it('spaces request starts at 1/rate and widens the gap after a rate limit', async () => {
    let now = 0;
    const waits: number[] = [];
    const pacer = new Pacer(
      () => 2,
      () => now,
      async (ms) => {
        waits.push(ms);
        now += ms;
      },
    );
    await pacer.acquire();
    await pacer.acquire();
    await pacer.acquire();
    expect(waits).toEqual([0, 500, 500]);
    pacer.slowDown();
    expect(pacer.gapMs()).toBe(1000);
    pacer.success();
    expect(pacer.gapMs()).toBeLessThan(1000);
  });
});
