// A worker for the pool tests: parses the bytes it is sent with exifr, as it is (no guard), and
// posts what it found; a message "crash" ends the thread. Plain JS, so no TypeScript loader is needed.
import exifr from 'exifr';
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (msg) => {
  if (msg === 'crash') process.exit(3);
  exifr.parse(Buffer.from(msg), { tiff: true }).then(
    (out) => parentPort?.postMessage({ ok: true, keys: Object.keys(out ?? {}) }),
    (err) => parentPort?.postMessage({ ok: false, error: String(err) }),
  );
});
parentPort?.postMessage('lightbox:worker-ready');
