/** One grid cell: the thumbnail with its state badges. */
import { memo, useState } from 'react';
import type { PhotoSummary } from '../../../../preload/contract';

/** Short badges for a photo's state, each with a title a tooltip and screen readers can use. */
function badges(photo: PhotoSummary): { text: string; title: string; tone: string }[] {
  const out: { text: string; title: string; tone: string }[] = [];
  // Note: a cloud, not a check mark: the check mark means "selected" in the grid.
  if (photo.state === 'uploaded') out.push({ text: '☁', title: 'Uploaded', tone: 'ok' });
  if (photo.state === 'failed') out.push({ text: '✕', title: 'Upload failed', tone: 'bad' });
  if (photo.state === 'uncertain') out.push({ text: '?', title: 'Upload uncertain', tone: 'warn' });
  if (photo.state === 'queued' || photo.state === 'sending') out.push({ text: '↑', title: 'Queued', tone: 'info' });
  if (photo.state === 'excluded') out.push({ text: '⊘', title: 'Excluded from sync', tone: 'muted' });
  if (!photo.uploadable || photo.problemCount > 0) out.push({ text: '⚠', title: 'Has problems', tone: 'warn' });
  if (photo.changedSinceUpload) out.push({ text: '●', title: 'Changed since upload', tone: 'info' });
  return out;
}

/** `HEIC` for `IMG_1.heic`: the format word shown when a photo has no preview. */
export function formatWord(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toUpperCase() : 'This file';
}

/** DOM id of a photo's cell (the grid's aria-activedescendant). */
export function cellId(photoId: number): string {
  return `photo-${photoId}`;
}

/** Props of a cell. */
export interface PhotoCellProps {
  photo: PhotoSummary | undefined;
  index: number;
  size: number;
  selected: boolean;
  /** The keyboard focus (arrow keys move from here); drawn apart from the selection. */
  lead: boolean;
  thumbVersion: number;
  onPick: (index: number, event: React.MouseEvent) => void;
}

/** A square thumbnail cell (a placeholder while its page loads). */
export const PhotoCell = memo(function PhotoCell({
  photo,
  index,
  size,
  selected,
  lead,
  thumbVersion,
  onPick,
}: PhotoCellProps) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  if (!photo) return <div className="cell cell-loading" style={{ width: size, height: size }} aria-hidden="true" />;
  const src = thumbVersion
    ? `${photo.thumbUrl}${photo.thumbUrl.includes('?') ? '&' : '?'}v=${thumbVersion}`
    : photo.thumbUrl;
  const marks = badges(photo);
  const label = [photo.name, ...marks.map((m) => m.title)].join(', ');
  return (
    <div
      role="option"
      id={cellId(photo.id)}
      aria-selected={selected}
      aria-label={label}
      data-photo-id={photo.id}
      className={`cell${selected ? ' selected' : ''}${lead ? ' lead' : ''}${photo.state === 'excluded' ? ' excluded' : ''}`}
      style={{ width: size, height: size }}
      onMouseDown={(e) => {
        if (e.shiftKey) e.preventDefault();
      }}
      onClick={(e) => onPick(index, e)}
      title={photo.name}
    >
      {failedSrc === src ? (
        <span className="cell-placeholder">
          <strong>{formatWord(photo.name)}</strong>
          <span>no preview</span>
        </span>
      ) : (
        <img src={src} alt="" loading="lazy" decoding="async" draggable={false} onError={() => setFailedSrc(src)} />
      )}
      {marks.length > 0 && (
        <span className="badges" aria-hidden="true">
          {marks.map((m) => (
            <span key={m.title} className={`badge ${m.tone}`} title={m.title}>
              {m.text}
            </span>
          ))}
        </span>
      )}
      {photo.tagCount > 0 && (
        <span className="tag-count" aria-hidden="true">
          {photo.tagCount} {photo.tagCount === 1 ? 'tag' : 'tags'}
        </span>
      )}
    </div>
  );
});
