/** The sync facts of one photo: state, memories.ai id, upload time, and the error or note. */
import type { PhotoDetail } from '../../../../preload/contract';
import { formatInstant } from '../../lib/format';

const STATE_WORDS: Record<PhotoDetail['state'], string> = {
  'not-uploaded': 'Not uploaded',
  excluded: 'Excluded from sync',
  queued: 'Queued',
  sending: 'Sending',
  uploaded: 'Uploaded',
  failed: 'Failed',
  uncertain: 'Uncertain — may have reached memories.ai',
};

/** How the photo's sync text reads: a red error only when the upload failed. */
function noteKind(state: PhotoDetail['state']): { label: string; className: string } {
  if (state === 'failed') return { label: 'Error', className: 'error' };
  if (state === 'uncertain') return { label: 'Why uncertain', className: 'warn-text' };
  // Note: "Being sent…", "Counted as uploaded…", "Same bytes as… not sent again" are facts, not faults.
  return { label: 'Note', className: 'note' };
}

/** Sync facts of a photo. */
export function SyncInfo({ photo }: { photo: PhotoDetail }) {
  const kind = noteKind(photo.state);
  return (
    <dl className="facts" aria-label="Sync">
      <dt>Sync state</dt>
      <dd>
        {STATE_WORDS[photo.state]}
        {photo.changedSinceUpload ? ' (changed since upload)' : ''}
      </dd>
      {photo.remoteId && (
        <>
          <dt>memories.ai id</dt>
          <dd className="mono" data-testid="remote-id">
            {photo.remoteId}
          </dd>
        </>
      )}
      {photo.uploadedAt && (
        <>
          <dt>Uploaded at</dt>
          <dd>
            <time dateTime={photo.uploadedAt}>{formatInstant(photo.uploadedAt)}</time>
          </dd>
        </>
      )}
      {photo.syncError && (
        <>
          <dt>{kind.label}</dt>
          <dd className={kind.className} data-testid="sync-note">
            {photo.syncError}
          </dd>
        </>
      )}
    </dl>
  );
}
