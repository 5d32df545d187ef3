/** Tag chips of the selection: add with Enter, remove with ×; bulk over every selected photo. */
import { useId, useState } from 'react';
import { LIMITS } from '../../../../preload/contract';

const CHIP_LIMIT = 16;

/** A tag and on how many of the selected photos it is. */
export interface TagShare {
  tag: string;
  count: number;
}

/** Props of the tag editor. */
export interface TagEditorProps {
  tags: TagShare[];
  total: number;
  /** The largest tag count among the selected photos (for the 50-tag limit). */
  maxPerPhoto: number;
  source: string;
  edited: boolean;
  onAdd: (tags: string[]) => Promise<string | null>;
  onRemove: (tag: string) => void;
  onRevert: () => void;
}

/** The tag editor. */
export function TagEditor({ tags, total, maxPerPhoto, source, edited, onAdd, onRemove, onRevert }: TagEditorProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  // Note: a large selection can carry hundreds of distinct tags; the common ones sort first.
  const visible = showAll ? tags : tags.slice(0, CHIP_LIMIT);
  const submit = async () => {
    const wanted = text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (wanted.length === 0) return;
    const fresh = wanted.filter((t) => !tags.some((s) => s.tag === t && s.count === total));
    if (maxPerPhoto + fresh.length > LIMITS.maxTags) {
      setError(`A photo can carry at most ${LIMITS.maxTags} tags`);
      return;
    }
    const problem = await onAdd(wanted);
    setError(problem);
    if (!problem) setText('');
  };
  return (
    <div className="field">
      <div className="field-head">
        <label htmlFor={id}>Tags</label>
        <span className={`source${edited ? ' edited' : ''}`}>{source}</span>
        {edited && (
          <button
            type="button"
            className="btn small"
            onClick={onRevert}
            aria-label="Revert Tags"
            title="Use the file's keywords again"
          >
            ↺
          </button>
        )}
      </div>
      <ul className="chips" aria-label="Tags of the selection">
        {visible.map((t) => (
          <li key={t.tag} className={`chip${t.count < total ? ' partial' : ''}`}>
            <span className="chip-text" title={t.tag}>
              {t.tag}
            </span>
            {t.count < total && (
              <span className="chip-share">
                {t.count}/{total}
              </span>
            )}
            <button type="button" aria-label={`Remove tag ${t.tag}`} onClick={() => onRemove(t.tag)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {tags.length > CHIP_LIMIT && (
        <button type="button" className="btn small link" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer tags' : `Show all ${tags.length} tags`}
        </button>
      )}
      <input
        id={id}
        value={text}
        placeholder="Add a tag and press Enter"
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void submit();
          }
        }}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
