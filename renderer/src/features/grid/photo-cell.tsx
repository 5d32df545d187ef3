/** One grid cell: the thumbnail with its state badges. */
import { memo } from 'react';
import type { PhotoSummary } from '../../../../preload/contract';

/** Short badges for a photo's state, each with a title a tooltip and screen readers can use. */
function badges(photo: PhotoSummary): { text: string; title: string; tone: string }[] {
  const out: { text: string; title: string; tone: string }[] = [];
  if (photo.state === 'uploaded') out.push({ text: '✓', title: 'Uploaded', tone: 'ok' });
  if (photo.state === 'failed') out.push({ text: '✕', title: 'Upload failed', tone: 'bad' });
  if (photo.state === 'uncertain') out.push({ text: '?', title: 'Upload uncertain', tone: 'warn' });
  if (photo.state === 'queued' || photo.state === 'sending') out.push({ text: '↑', title: 'Queued', tone: 'info' });
  if (photo.state === 'excluded') out.push({ text: '⊘', title: 'Excluded from sync', tone: 'muted' });
  if (!photo.uploadable || photo.problemCount > 0) out.push({ text: '⚠', title: 'Has problems', tone: 'warn' });
  if (photo.changedSinceUpload) out.push({ text: '●', title: 'Changed since upload', tone: 'info' });
  return out;
}

/** Props of a cell. */
export interface PhotoCellProps {
  photo: PhotoSummary | undefined;
  index: number;
  size: number;
  selected: boolean;
  thumbVersion: number;
  onPick: (index: number, event: React.MouseEvent) => void;
}

/** A square thumbnail cell (a placeholder while its page loads). */
export const PhotoCell = memo(function PhotoCell({ photo, index, size, selected, thumbVersion, onPick }: PhotoCellProps) {
  if (!photo) return <div className="cell cell-loading" style={{ width: size, height: size }} aria-hidden="true" />;
  const src = thumbVersion ? `${photo.thumbUrl}${photo.thumbUrl.includes('?') ? '&' : '?'}v=${thumbVersion}` : photo.thumbUrl;
  const marks = badges(photo);
  const label = [photo.name, ...marks.map((m) => m.title)].join(', ');
  return (
    <div
      role="option"
      aria-selected={selected}
      aria-label={label}
      data-photo-id={photo.id}
      className={`cell${selected ? ' selected' : ''}${photo.state === 'excluded' ? ' excluded' : ''}`}
      style={{ width: size, height: size }}
      onMouseDown={(e) => {
        if (e.shiftKey) e.preventDefault();
      }}
      onClick={(e) => onPick(index, e)}
      title={photo.name}
    >
      <img src={src} alt="" loading="lazy" decoding="async" draggable={false} />
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
