/** Above the grid in the Failed and Uncertain views: what went wrong, photo by photo, and what to do. */
import { useEffect, useState } from 'react';
import type { PhotoDetail } from '../../../../preload/contract';
import { lightbox, messageOf, unwrap } from '../../api/lightbox';
import { plural } from '../../lib/format';
import { exportReport, sendNow } from './sync-actions';

/** How many photos the panel lists by name (the grid below shows them all). */
const LISTED = 50;

/** Props of the panel. */
export interface ProblemPanelProps {
  view: 'failed' | 'uncertain';
  /** Selected photo ids (the grid shows only this view's photos). */
  selected: number[];
  version: number;
}

/** The photos of the view with their reasons, refreshed when the catalog changes. */
function useProblemPhotos(view: ProblemPanelProps['view'], version: number): { total: number; photos: PhotoDetail[] } {
  const [state, setState] = useState<{ total: number; photos: PhotoDetail[] }>({ total: 0, photos: [] });
  useEffect(() => {
    let live = true;
    (async () => {
      const ids = await unwrap(lightbox.photos.ids({ state: view }));
      const photos = await Promise.all(ids.slice(0, LISTED).map((id) => unwrap(lightbox.photos.get({ id }))));
      if (live) setState({ total: ids.length, photos });
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [view, version]);
  return state;
}

/** The list of photos and reasons. */
function ReasonList({ photos, total, label }: { photos: PhotoDetail[]; total: number; label: string }) {
  return (
    <>
      <ul className="reason-list" aria-label={label}>
        {photos.map((p) => (
          <li key={p.id}>
            <span className="reason-name">{p.name}</span>
            <span className="reason-text">{p.syncError ?? 'No reason was recorded.'}</span>
          </li>
        ))}
      </ul>
      {total > photos.length && (
        <p className="muted small">…and {total - photos.length} more; the report lists them all.</p>
      )}
    </>
  );
}

/** "2 photos could not be uploaded", "No uncertain uploads left". */
function heading(view: ProblemPanelProps['view'], total: number): string {
  if (total === 0) return view === 'failed' ? 'No failed uploads left' : 'No uncertain uploads left';
  return view === 'failed' ? `${plural(total, 'photo')} could not be uploaded` : `${plural(total, 'upload')} uncertain`;
}

/** The panel. */
export function ProblemPanel({ view, selected, version }: ProblemPanelProps) {
  const { total, photos } = useProblemPhotos(view, version);
  const [note, setNote] = useState<string | null>(null);
  const run = (work: () => Promise<string>) => {
    setNote(null);
    work().then(setNote, (e: unknown) => setNote(messageOf(e)));
  };
  const retryFailed = () =>
    run(async () => {
      const ids = await unwrap(lightbox.photos.ids({ state: 'failed' }));
      const { requeued } = await unwrap(lightbox.sync.retryFailed());
      const how = await sendNow(ids);
      return `${plural(requeued, 'photo')} ${how === 'started' ? 'sent again' : 'queued; they go with the sync under way'}.`;
    });
  const resolve = (action: 'upload-again' | 'mark-uploaded') =>
    run(async () => {
      const { resolved } = await unwrap(lightbox.sync.resolveUncertain({ ids: selected, action }));
      if (action === 'mark-uploaded') return `${plural(resolved, 'photo')} counted as uploaded.`;
      const how = await sendNow(selected);
      return `${plural(resolved, 'photo')} ${how === 'started' ? 'being uploaded again' : 'queued to upload again'}.`;
    });
  const report = () =>
    run(async () => {
      await exportReport();
      return 'Report saved.';
    });
  if (total === 0 && !note) return null;
  return (
    <section className={`problem-panel ${view}`} aria-labelledby="problem-heading">
      <h2 id="problem-heading">{heading(view, total)}</h2>
      {view === 'uncertain' && (
        <p>
          The connection ended after these photos were sent, so each upload{' '}
          <strong>may or may not have reached memories.ai</strong>. Lightbox never sends them again by itself. Select
          photos below, then choose.
        </p>
      )}
      {total > 0 && (
        <ReasonList
          photos={photos}
          total={total}
          label={view === 'failed' ? 'Failed photos and why' : 'Uncertain photos and why'}
        />
      )}
      <div className="panel-actions">
        {view === 'failed' && total > 0 && (
          <button type="button" className="btn primary" onClick={retryFailed}>
            Retry failed
          </button>
        )}
        {view === 'uncertain' && (
          <>
            <button
              type="button"
              className="btn primary"
              disabled={selected.length === 0}
              onClick={() => resolve('upload-again')}
            >
              Upload again
            </button>
            <button
              type="button"
              className="btn"
              disabled={selected.length === 0}
              onClick={() => resolve('mark-uploaded')}
            >
              Count as uploaded
            </button>
            <span className="muted small">
              {selected.length === 0
                ? 'Nothing selected (Ctrl/⌘-A selects all).'
                : `${plural(selected.length, 'photo')} selected.`}
            </span>
          </>
        )}
        {total > 0 && (
          <button type="button" className="btn" onClick={report}>
            Export report
          </button>
        )}
      </div>
      {note && (
        <p className="panel-note" role="status">
          {note}
        </p>
      )}
    </section>
  );
}
