/** One editable metadata field: value, where it came from, edit form with inline errors, revert. */
import { useEffect, useId, useState } from 'react';

/** Props of a field row. */
export interface FieldRowProps {
  label: string;
  /** Common value of the selection; null when the photos differ. */
  value: string | null;
  mixed: boolean;
  source: string;
  edited: boolean;
  /** The file's own value, shown when the field is edited. */
  fileNote: string | null;
  placeholder: string;
  hint?: string;
  /** Returns an error message, or null once saved. */
  onSave: (text: string) => Promise<string | null>;
  onRevert: () => void;
}

/** A labelled input saved on Enter (or the Set button). */
export function FieldRow(props: FieldRowProps) {
  const { label, value, mixed, source, edited, fileNote, placeholder, hint, onSave, onRevert } = props;
  const id = useId();
  const [text, setText] = useState(value ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(value ?? '');
    setError(null);
  }, [value]);
  const dirty = text !== (value ?? '');
  return (
    <form
      className="field"
      onSubmit={(e) => {
        e.preventDefault();
        // Note: Enter on an untouched field must not write anything: on a mixed selection the
        // empty box would otherwise clear the value of every selected photo.
        if (!dirty) return;
        void onSave(text).then(setError);
      }}
    >
      <div className="field-head">
        <label htmlFor={id}>{label}</label>
        <span className={`source${edited ? ' edited' : ''}`} title="Where this value comes from">
          {mixed ? 'various' : source}
        </span>
      </div>
      <div className="field-input">
        <input
          id={id}
          value={text}
          placeholder={mixed ? 'Mixed values' : placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
        />
        {dirty && (
          <button type="submit" className="btn small primary">
            Set
          </button>
        )}
        {edited && (
          <button
            type="button"
            className="btn small"
            onClick={onRevert}
            title="Use the file's value again"
            aria-label={`Revert ${label}`}
          >
            ↺
          </button>
        )}
      </div>
      {fileNote && !error && <p className="hint file-note">{fileNote}</p>}
      {hint && !error && <p className="hint">{hint}</p>}
      {error && (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
