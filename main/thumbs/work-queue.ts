/** A bounded queue: at most `concurrency` jobs run; the most recently asked-for job starts first. */

/** Runs async jobs with a concurrency bound. */
export interface WorkQueue {
  run<T>(job: () => Promise<T>): Promise<T>;
}

/** Creates a queue. */
export function createWorkQueue(concurrency: number): WorkQueue {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    // Note: last in, first out: the grid asks for what just scrolled into view last, so that is
    // made first, while requests for cells scrolled past wait. A released waiter takes over the slot.
    const next = waiting.pop();
    if (next) next();
    else active--;
  };
  return {
    async run<T>(job: () => Promise<T>): Promise<T> {
      if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
      else active++;
      try {
        return await job();
      } finally {
        release();
      }
    },
  };
}
