/** The running sync in the top bar: progress bar, numbers, pause/resume/cancel and messages. */
import type { SyncStatus } from '../../../../preload/contract';
import { lightbox, unwrap } from '../../api/lightbox';
import { formatBytes, formatDuration } from '../../lib/format';

/** Props of the progress. */
export interface SyncProgressProps {
  status: SyncStatus;
  onStatus: (s: SyncStatus) => void;
}

/** The progress strip. */
export function SyncProgress({ status, onStatus }: SyncProgressProps) {
  const act = (verb: 'pause' | 'resume' | 'cancel') => void unwrap(lightbox.sync[verb]()).then(onStatus).catch(() => undefined);
  const running = status.phase === 'running' || status.phase === 'offline';
  const finished = status.doneFiles + status.failedFiles + status.uncertainFiles;
  return (
    <div className="sync-progress" role="status" aria-label="Sync progress">
      <progress max={status.totalFiles || 1} value={finished} aria-label="Files sent" />
      <span className="sync-numbers">
        {finished} / {status.totalFiles} files · {formatBytes(status.doneBytes)} of {formatBytes(status.totalBytes)}
        {running && ` · ${formatBytes(status.bytesPerSecond)}/s · ${formatDuration(status.secondsLeft)} left`}
        {status.failedFiles > 0 && ` · ${status.failedFiles} failed`}
        {status.uncertainFiles > 0 && ` · ${status.uncertainFiles} uncertain`}
      </span>
      {status.phase === 'done' && <span className="ok">Sync finished</span>}
      {status.message && (
        <span className={status.failedFiles + status.uncertainFiles > 0 || status.phase === 'stopped' ? 'sync-message warn' : 'sync-message'}>
          {status.message}
        </span>
      )}
      {running && (
        <button type="button" className="btn small" onClick={() => act('pause')}>
          Pause
        </button>
      )}
      {status.phase === 'paused' && (
        <button type="button" className="btn small" onClick={() => act('resume')}>
          Resume
        </button>
      )}
      {(running || status.phase === 'paused') && (
        <button type="button" className="btn small" onClick={() => act('cancel')}>
          Cancel
        </button>
      )}
    </div>
  );
}
