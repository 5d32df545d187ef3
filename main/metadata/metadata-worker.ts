/** Worker-thread entry: reads the metadata of each file path it is sent and posts the reading back. */
import { parentPort } from 'node:worker_threads';
import { readFileMetadataInProcess } from './read-in-process';
import { WORKER_READY } from './worker-pool';

// Note: this module must not import read-file-metadata.ts: that one names this file for the
// bundler (`?modulePath`), and a worker bundle naming itself would recurse.
parentPort?.on('message', (absPath: string) => {
  void readFileMetadataInProcess(absPath).then((md) => parentPort?.postMessage(md));
});
parentPort?.postMessage(WORKER_READY);
