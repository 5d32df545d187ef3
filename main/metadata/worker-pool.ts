/** A small pool of worker threads running one task at a time each, with a per-task time limit after which the worker is ended. */
import type { Worker, WorkerOptions } from 'node:worker_threads';

/** Starts one worker (electron-vite's `?nodeWorker` import has this shape). */
export type WorkerFactory = (options?: WorkerOptions) => Worker;

/** A worker that failed before it said it was ready (missing script, loader error). */
export class WorkerStartError extends Error {}

/** What a worker posts once its modules are loaded, before any answer. */
export const WORKER_READY = 'lightbox:worker-ready';

/** Pool settings. */
export interface WorkerPoolOptions<Req, Res> {
  /** Resolves how to start a worker; called once, when the first task arrives. */
  start: () => Promise<WorkerFactory>;
  size: number;
  /** Time one task may take before its worker is ended and `onTimeout` answers instead. */
  timeoutMs: number;
  onTimeout: (request: Req) => Res | Promise<Res>;
  /** Answer when the worker fails (a `WorkerStartError` when it never started); the next task gets a fresh worker. */
  onFailure: (request: Req, error: Error) => Res | Promise<Res>;
}

/** The pool: `run` never rejects (timeouts and crashes become answers); `close` ends every worker. */
export interface WorkerPool<Req, Res> {
  run(request: Req): Promise<Res>;
  close(): Promise<void>;
}

interface Job<Req, Res> {
  request: Req;
  resolve: (res: Res) => void;
}

interface Slot {
  worker: Worker;
  busy: boolean;
  /** True once the worker said it is ready. */
  online: boolean;
}

/** Creates a pool; workers start lazily and are unref'd while idle, so an idle pool never keeps a process alive. */
export function createWorkerPool<Req, Res>(o: WorkerPoolOptions<Req, Res>): WorkerPool<Req, Res> {
  const queue: Job<Req, Res>[] = [];
  const slots: Slot[] = [];
  let start: Promise<WorkerFactory> | null = null;
  let closed = false;
  let spawning = 0;

  const drop = (slot: Slot): void => {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    void slot.worker.terminate();
  };

  const spawn = async (): Promise<Slot> => {
    spawning++;
    try {
      start ??= o.start();
      const create = await start;
      const slot: Slot = { worker: create(), busy: true, online: false };
      slot.worker.on('error', () => drop(slot)); // Note: an idle worker's error must not become an uncaught one.
      slots.push(slot);
      return slot;
    } finally {
      spawning--;
    }
  };

  const pump = (): void => {
    while (!closed && queue.length > 0) {
      const idle = slots.find((s) => !s.busy);
      if (!idle && slots.length + spawning >= o.size) return;
      const job = queue.shift() as Job<Req, Res>;
      if (idle) {
        runOn(idle, job);
        continue;
      }
      spawn().then(
        (slot) => runOn(slot, job),
        async (err: Error) => {
          job.resolve(await o.onFailure(job.request, new WorkerStartError(err.message)));
          pump();
        },
      );
    }
  };

  const runOn = (slot: Slot, job: Job<Req, Res>): void => {
    if (closed) {
      drop(slot);
      void Promise.resolve(o.onFailure(job.request, new Error('the reader was closed'))).then(job.resolve);
      return;
    }
    slot.busy = true;
    slot.worker.ref();
    let settled = false;
    const finish = async (answer: () => Res | Promise<Res>, broken: boolean): Promise<void> => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      slot.worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (broken) drop(slot);
      else {
        slot.busy = false;
        slot.worker.unref();
      }
      job.resolve(await answer());
      pump();
    };
    const failed = (err: Error) => (slot.online ? err : new WorkerStartError(err.message));
    const onMessage = (res: Res | typeof WORKER_READY) => {
      if (res === WORKER_READY) slot.online = true;
      else void finish(() => res, false);
    };
    const onError = (err: Error) => void finish(() => o.onFailure(job.request, failed(err)), true);
    const onExit = (code: number) =>
      void finish(() => o.onFailure(job.request, failed(new Error(`the reader stopped (exit code ${code})`))), true);
    // Note: a parser stuck in a loop blocks its own thread only; ending the worker is the one sure way out.
    const timer = setTimeout(() => void finish(() => o.onTimeout(job.request), true), o.timeoutMs);
    slot.worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    slot.worker.postMessage(job.request);
  };

  return {
    run(request) {
      return new Promise<Res>((resolve) => {
        queue.push({ request, resolve });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0))
        job.resolve(await o.onFailure(job.request, new Error('the reader was closed')));
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}
