/** Right panel: preview, file facts, problems, editable fields with sources, tags, tools and sync info. */
import { useState } from 'react';
import type { PhotoDetail } from '../../../../preload/contract';
import { lightbox, messageOf, unwrap } from '../../api/lightbox';
import { formatBytes, plural } from '../../lib/format';
import { formatWord } from '../grid/photo-cell';
import { TagEditor } from '../tags/tag-editor';
import { BulkTools } from './bulk-tools';
import { FieldRow } from './field-row';
import { parseLocation, summarizeFields, tagShares } from './summarize';
import { SyncInfo } from './sync-info';
import { useDetails } from './use-details';
import { validatePatch, type PatchInput } from './validate-patch';

/** Props of the inspector. */
export interface InspectorProps {
  ids: number[];
  version: number;
  /** The file manager exists only in the desktop app. */
  canReveal: boolean;
}

/** The large preview, or the format's name when there is none (HEIC, JPEG 2000, damaged files). */
function Preview({ photo }: { photo: PhotoDetail }) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  return (
    <div className="preview">
      {failedSrc === photo.thumbUrl ? (
        <span className="cell-placeholder">
          <strong>{formatWord(photo.name)}</strong>
          <span>no preview</span>
        </span>
      ) : (
        <img src={photo.thumbUrl} alt={`Preview of ${photo.name}`} onError={() => setFailedSrc(photo.thumbUrl)} />
      )}
    </div>
  );
}

/** File facts and problems of one photo. */
function FileFacts({ photo, canReveal }: { photo: PhotoDetail; canReveal: boolean }) {
  return (
    <>
      <Preview photo={photo} />
      <h2 className="file-name" title={photo.relPath}>
        {photo.name}
      </h2>
      <dl className="facts">
        <dt>Size</dt>
        <dd>{formatBytes(photo.sizeBytes)}</dd>
        <dt>Format</dt>
        <dd>
          {photo.format}
          {photo.width && photo.height ? ` · ${photo.width} × ${photo.height}` : ''}
        </dd>
        {photo.offsetTimeOriginal && (
          <>
            <dt>Time zone</dt>
            <dd>{photo.offsetTimeOriginal}</dd>
          </>
        )}
        {photo.subSeconds && (
          <>
            <dt>Sub-seconds</dt>
            <dd>.{photo.subSeconds}</dd>
          </>
        )}
      </dl>
      {canReveal && (
        <button type="button" className="btn small" onClick={() => void lightbox.photos.reveal({ id: photo.id })}>
          Show in folder
        </button>
      )}
      {photo.notes.length > 0 && (
        <ul className="notes" aria-label="Notes">
          {photo.notes.map((n) => (
            <li key={n}>ⓘ {n}</li>
          ))}
        </ul>
      )}
      {photo.problems.length > 0 && (
        <ul className="problems" aria-label="Problems">
          {photo.problems.map((p) => (
            <li key={p}>⚠ {p}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The inspector for one or many selected photos. */
export function Inspector({ ids, version, canReveal }: InspectorProps) {
  const loaded = useDetails(ids, version);
  if (ids.length === 0) {
    return (
      <aside className="inspector empty" aria-label="Inspector">
        <p className="muted">Select photos to see and edit their details.</p>
        <p className="muted small">Shift-click selects a range, Ctrl/⌘-click adds one, Ctrl/⌘-A selects all.</p>
      </aside>
    );
  }
  if (loaded === null) {
    return (
      <aside className="inspector" aria-label="Inspector" aria-busy="true">
        <h2 className="file-name">{ids.length === 1 ? 'Loading…' : `${plural(ids.length, 'photo')} selected`}</h2>
      </aside>
    );
  }
  const details = loaded;
  const apply = async (patch: PatchInput): Promise<string | null> => {
    const checked = validatePatch(patch);
    if (!checked.ok) return checked.message;
    try {
      const outcome = await unwrap(lightbox.photos.update({ ids, patch: checked.patch }));
      return outcome.problems.length ? outcome.problems.join('; ') : null;
    } catch (error) {
      return messageOf(error);
    }
  };
  const fields = summarizeFields(details);
  const single = ids.length === 1 ? details[0] : undefined;
  const shares = tagShares(details);
  const maxTags = Math.max(0, ...details.map((d) => d.fields.tags.length));
  return (
    <aside className="inspector" aria-label="Inspector">
      {single ? (
        <FileFacts photo={single} canReveal={canReveal} />
      ) : (
        <h2 className="file-name">{plural(ids.length, 'photo')} selected</h2>
      )}
      {ids.length > details.length && details.length > 0 && (
        <p className="muted small">
          Showing values of the first {details.length}; edits apply to all {ids.length}.
        </p>
      )}
      <h3>Metadata</h3>
      <FieldRow
        label="Capture time"
        {...fields.time}
        placeholder="yyyy-MM-dd HH:mm:ss"
        onSave={(text) => apply({ datetime_taken: text.trim() === '' ? null : text.trim() })}
        onRevert={() => void apply({ revert: ['datetime_taken'] })}
      />
      <FieldRow
        label="Camera model"
        {...fields.camera}
        placeholder="e.g. Canon EOS 5D Mark IV"
        onSave={(text) => apply({ camera_model: text.trim() === '' ? null : text.trim() })}
        onRevert={() => void apply({ revert: ['camera_model'] })}
      />
      <FieldRow
        label="Location"
        {...fields.location}
        placeholder="latitude, longitude"
        hint="Decimal degrees, e.g. 48.8583, 2.2945"
        onSave={(text) => {
          const location = parseLocation(text);
          return location === undefined
            ? Promise.resolve('Write the location as two numbers: latitude, longitude')
            : apply({ location });
        }}
        onRevert={() => void apply({ revert: ['location'] })}
      />
      <TagEditor
        tags={shares}
        total={details.length}
        maxPerPhoto={maxTags}
        source={fields.tags.source}
        edited={fields.tags.edited}
        onAdd={(addTags) => apply({ addTags })}
        onRemove={(tag) => void apply({ removeTags: [tag] })}
        onRevert={() => void apply({ revert: ['tags'] })}
      />
      <h3>Sync</h3>
      <BulkTools details={details} count={ids.length} apply={apply} />
      {single && <SyncInfo photo={single} />}
    </aside>
  );
}
