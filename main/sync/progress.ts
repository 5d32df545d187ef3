/** Sync progress: counts of files and bytes, speed over a sliding window, time left. */
import type { SyncStatus } from '../../preload/contract';

const WINDOW_MS = 10_000;

/** Mutable progress of one run; `status()` makes the record sent as `sync:progress`. */
export class Progress {
  phase: SyncStatus['phase'] = 'idle';
  message: string | null = null;
  totalFiles = 0;
  doneFiles = 0;
  failedFiles = 0;
  uncertainFiles = 0;
  totalBytes = 0;
  /** Bytes of photos finished (any outcome). */
  finishedBytes = 0;
  /** Bytes streamed by requests still in flight. */
  inFlightBytes = 0;
  private sentTotal = 0;
  private samples: [number, number][] = [];

  constructor(private readonly clock: () => number) {}

  /** Counts bytes as they go out on the wire. */
  sent(n: number): void {
    this.inFlightBytes += n;
    this.sentTotal += n;
    this.sample();
  }

  private sample(): void {
    const now = this.clock();
    this.samples.push([now, this.sentTotal]);
    while (this.samples.length > 2 && now - (this.samples[0]?.[0] ?? now) > WINDOW_MS) this.samples.shift();
  }

  /** Bytes per second over the last few seconds. */
  speed(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last[0] <= first[0]) return 0;
    return ((last[1] - first[1]) * 1000) / (last[0] - first[0]);
  }

  /** The record for the renderer and the CLI. */
  status(): SyncStatus {
    const doneBytes = Math.min(this.totalBytes, this.finishedBytes + this.inFlightBytes);
    const bps = Math.round(this.speed());
    const left = this.totalBytes - doneBytes;
    return {
      phase: this.phase,
      message: this.message,
      totalFiles: this.totalFiles,
      doneFiles: this.doneFiles,
      failedFiles: this.failedFiles,
      uncertainFiles: this.uncertainFiles,
      totalBytes: this.totalBytes,
      doneBytes,
      bytesPerSecond: bps,
      secondsLeft: this.phase === 'running' && bps > 0 ? Math.ceil(left / bps) : null,
    };
  }
}
