/** The sync facts of one photo: state, memories.ai id, error. */
import type { PhotoDetail } from '../../../../preload/contract';

const STATE_WORDS: Record<PhotoDetail['state'], string> = {
  'not-uploaded': 'Not uploaded',
  excluded: 'Excluded from sync',
  queued: 'Queued',
  sending: 'Sending',
  uploaded: 'Uploaded',
  failed: 'Failed',
  uncertain: 'Uncertain — may have reached memories.ai',
};

/** Sync facts of a photo. */
export function SyncInfo({ photo }: { photo: PhotoDetail }) {
  return (
    <dl className="facts" aria-label="Sync">
      <dt>Sync state</dt>
      <dd>{STATE_WORDS[photo.state]}{photo.changedSinceUpload ? ' (changed since upload)' : ''}</dd>
      {photo.remoteId && (
        <>
          <dt>memories.ai id</dt>
          <dd className="mono" data-testid="remote-id">{photo.remoteId}</dd>
        </>
      )}
      {photo.uploadedAt && (
        <>
          <dt>Uploaded at</dt>
          <dd>{photo.uploadedAt}</dd>
        </>
      )}
      {photo.syncError && (
        <>
          <dt>Error</dt>
          <dd className="error">{photo.syncError}</dd>
        </>
      )}
    </dl>
  );
}
