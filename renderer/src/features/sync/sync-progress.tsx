/** The sync bar under the top bar: progress in files and bytes, speed, time left, state and actions. */
import { useState } from 'react';
import type { SyncStatus } from '../../../../preload/contract';
import { lightbox, messageOf, unwrap } from '../../api/lightbox';
import { formatBytes, formatTimeLeft, plural } from '../../lib/format';
import { exportReport } from './sync-actions';

/** Props of the bar. */
export interface SyncProgressProps {
  status: SyncStatus;
  onStatus: (s: SyncStatus) => void;
  onShow: (state: 'failed' | 'uncertain') => void;
  onSettings: () => void;
}

/** Heading and tone of each phase, in a photographer's words. */
function headline(status: SyncStatus): { title: string; tone: string } {
  switch (status.phase) {
    case 'running':
      return { title: 'Uploading to memories.ai', tone: 'info' };
    case 'paused':
      return { title: 'Paused', tone: 'info' };
    case 'offline':
      return { title: 'Offline — waiting for the network', tone: 'warn' };
    case 'stopped':
      return { title: 'Sync stopped', tone: 'bad' };
    case 'done':
      return status.failedFiles + status.uncertainFiles > 0
        ? { title: 'Sync finished, with problems', tone: 'warn' }
        : { title: 'Sync finished', tone: 'ok' };
    default:
      return { title: 'Sync', tone: 'info' };
  }
}

/** The explanation under the heading. */
function explanation(status: SyncStatus): string | null {
  if (status.phase === 'offline')
    return 'memories.ai cannot be reached. Your photos stay queued; Lightbox carries on by itself when the connection is back.';
  if (status.phase === 'paused') return 'Nothing new is sent until you resume.';
  // Note: when done, the numbers already say it all; the message would repeat them.
  if (status.phase === 'running' || status.phase === 'done') return null;
  return status.message;
}

/** "12 of 30 photos · 4.2 MB of 10 MB · 350 KB/s · about 20 s left". */
function numbers(status: SyncStatus): string {
  const finished = status.doneFiles + status.failedFiles + status.uncertainFiles;
  const parts = [
    `${finished} of ${plural(status.totalFiles, 'photo')}`,
    `${formatBytes(status.doneBytes)} of ${formatBytes(status.totalBytes)}`,
  ];
  if (status.phase === 'running') {
    parts.push(status.bytesPerSecond > 0 ? `${formatBytes(status.bytesPerSecond)}/s` : 'measuring speed…');
    parts.push(`${formatTimeLeft(status.secondsLeft)} left`);
  }
  if (status.doneFiles > 0 && status.phase === 'done')
    parts.splice(0, 1, `${plural(status.doneFiles, 'photo')} uploaded`);
  if (status.failedFiles > 0) parts.push(`${status.failedFiles} failed`);
  if (status.uncertainFiles > 0) parts.push(`${status.uncertainFiles} uncertain`);
  return parts.join(' · ');
}

/** The bar (nothing while idle, or once dismissed until the next change of phase). */
export function SyncProgress({ status, onStatus, onShow, onSettings }: SyncProgressProps) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stamp = `${status.phase}:${status.totalFiles}:${status.message ?? ''}`;
  if (status.phase === 'idle' && !status.message) return null;
  if (dismissed === stamp) return null;
  const act = (verb: 'pause' | 'resume' | 'cancel') =>
    void unwrap(lightbox.sync[verb]())
      .then(onStatus)
      .catch((e: unknown) => setError(messageOf(e)));
  const { title, tone } = headline(status);
  const active = status.phase === 'running' || status.phase === 'offline';
  const settled = status.phase === 'done' || status.phase === 'stopped' || status.phase === 'idle';
  const finished = status.doneFiles + status.failedFiles + status.uncertainFiles;
  const text = explanation(status);
  return (
    <section className={`sync-bar ${tone}`} role="status" aria-label="Sync progress" data-phase={status.phase}>
      <div className="sync-main">
        <strong className="sync-title">{title}</strong>
        {status.totalFiles > 0 && <span className="sync-numbers">{numbers(status)}</span>}
        {text && <span className="sync-message">{text}</span>}
        {error && <span className="sync-message bad">{error}</span>}
      </div>
      {status.totalFiles > 0 && !settled && (
        <progress
          max={status.totalBytes || 1}
          value={status.doneBytes}
          aria-label={`${finished} of ${status.totalFiles} photos sent`}
        />
      )}
      <div className="sync-actions">
        {active && (
          <button type="button" className="btn small" onClick={() => act('pause')}>
            Pause
          </button>
        )}
        {status.phase === 'paused' && (
          <button type="button" className="btn small primary" onClick={() => act('resume')}>
            Resume
          </button>
        )}
        {(active || status.phase === 'paused') && (
          <button type="button" className="btn small" onClick={() => act('cancel')}>
            Cancel
          </button>
        )}
        {status.phase === 'stopped' && /settings/i.test(status.message ?? '') && (
          <button type="button" className="btn small primary" onClick={onSettings}>
            Open Settings
          </button>
        )}
        {settled && status.failedFiles > 0 && (
          <button type="button" className="btn small" onClick={() => onShow('failed')}>
            Show failed
          </button>
        )}
        {settled && status.uncertainFiles > 0 && (
          <button type="button" className="btn small" onClick={() => onShow('uncertain')}>
            Show uncertain
          </button>
        )}
        {settled && status.failedFiles + status.uncertainFiles > 0 && (
          <button
            type="button"
            className="btn small"
            onClick={() => void exportReport().catch((e: unknown) => setError(messageOf(e)))}
          >
            Export report
          </button>
        )}
        {settled && (
          <button
            type="button"
            className="btn small icon-small"
            aria-label="Dismiss"
            onClick={() => setDismissed(stamp)}
          >
            ×
          </button>
        )}
      </div>
    </section>
  );
}
