/** electron-vite's `?nodeWorker` import: a factory starting the imported module, bundled as its own chunk, in a worker thread. */
declare module '*?nodeWorker' {
  import type { Worker, WorkerOptions } from 'node:worker_threads';
  export default function create(options?: WorkerOptions): Worker;
}
