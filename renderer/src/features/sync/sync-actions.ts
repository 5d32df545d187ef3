/** Sync verbs the sync bar and the Failed / Uncertain views share. */
import { lightbox, unwrap } from '../../api/lightbox';
import { downloadText, reportFileName } from '../../lib/download-text';

/** Downloads the plain-text report of failed and uncertain uploads. */
export async function exportReport(): Promise<void> {
  const { text } = await unwrap(lightbox.sync.report());
  downloadText(reportFileName(), text);
}

/** True when a sync is under way (running, paused or waiting for the network). */
export function syncBusy(phase: string | undefined): boolean {
  return phase === 'running' || phase === 'paused' || phase === 'offline';
}

/** Queues these photos and starts sending them now unless a sync is already under way. */
export async function sendNow(ids: number[]): Promise<'started' | 'queued'> {
  const status = await unwrap(lightbox.sync.status());
  if (syncBusy(status.phase) || ids.length === 0) return 'queued';
  await unwrap(lightbox.sync.start({ ids }));
  return 'started';
}
