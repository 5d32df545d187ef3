/** Request pacing: a minimum gap between request starts, widened on rate limits, with jittered backoff. */

/** Sleeps `ms`, waking early (resolving) when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real sleep. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** Exponential backoff with full jitter: a random wait in [base*2^n/2, base*2^n], capped. */
export function backoffMs(attempt: number, random: () => number, baseMs = 1000, maxMs = 60_000): number {
  const top = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(top / 2 + (random() * top) / 2);
}

/** Spaces request starts at `1 / requestsPerSecond`, slowed after each 0429 and recovering after successes. */
export class Pacer {
  private nextAt = 0;
  private slow = 1;

  constructor(
    private readonly requestsPerSecond: () => number,
    private readonly clock: () => number,
    private readonly sleep: Sleep,
  ) {}

  /** The current gap between request starts in ms. */
  gapMs(): number {
    return (1000 / Math.max(0.01, this.requestsPerSecond())) * this.slow;
  }

  /** Waits for the next free slot and takes it. */
  async acquire(signal?: AbortSignal): Promise<void> {
    const now = this.clock();
    const at = Math.max(now, this.nextAt);
    this.nextAt = at + this.gapMs();
    await this.sleep(at - now, signal);
  }

  /** The server said 0429: halve the pace (down to 1/32). */
  slowDown(): void {
    this.slow = Math.min(32, this.slow * 2);
    this.nextAt = Math.max(this.nextAt, this.clock() + this.gapMs());
  }

  /** A request went through: recover towards the configured pace. */
  success(): void {
    this.slow = Math.max(1, this.slow / 1.5);
  }
}
