/** Tools for a selection: exclude from sync, shift time, use the file date, copy location from the first photo. */
import { useId, useState } from 'react';
import type { PhotoDetail } from '../../../../preload/contract';
import type { PatchInput } from './validate-patch';

/** Parses `+1h 30m`, `-2h`, `90s`, `-1d` style offsets into seconds; null when unreadable. */
export function parseOffset(text: string): number | null {
  const clean = text.replace(/\s+/g, '');
  const m = /^([+-]?)((?:\d+[dhms])+)$/.exec(clean);
  if (!m) return null;
  const unit: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 };
  let total = 0;
  for (const part of (m[2] ?? '').matchAll(/(\d+)([dhms])/g)) total += Number(part[1]) * (unit[part[2] ?? 's'] ?? 1);
  return m[1] === '-' ? -total : total;
}

/** Props of the tools. */
export interface BulkToolsProps {
  details: PhotoDetail[];
  count: number;
  apply: (patch: PatchInput) => Promise<string | null>;
}

/** The tools. */
export function BulkTools({ details, count, apply }: BulkToolsProps) {
  const id = useId();
  const [offset, setOffset] = useState('');
  const [error, setError] = useState<string | null>(null);
  const excluded = details.length > 0 && details.every((d) => d.excluded);
  const first = details[0];
  // Note: offered only when every selected photo lacks a capture time, so it never overwrites a real one.
  const allUndated = details.length === count && details.every((d) => d.fields.datetime_taken === null);
  const shift = async () => {
    const seconds = parseOffset(offset);
    if (seconds === null || seconds === 0) {
      setError('Write the shift like +1h, -30m or +1d 2h');
      return;
    }
    const problem = await apply({ shiftSeconds: seconds });
    setError(problem);
    if (!problem) setOffset('');
  };
  return (
    <div className="tools">
      <label className="toggle">
        <input type="checkbox" checked={excluded} onChange={(e) => void apply({ excluded: e.target.checked })} />
        Exclude from sync
      </label>
      <form
        className="shift"
        onSubmit={(e) => {
          e.preventDefault();
          void shift();
        }}
      >
        <label htmlFor={id}>Shift time by</label>
        <input id={id} value={offset} placeholder="+1h 30m" onChange={(e) => setOffset(e.target.value)} />
        <button type="submit" className="btn small" disabled={!offset.trim()}>
          Shift
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {allUndated && (
        <button type="button" className="btn small" onClick={() => void apply({ useFileDate: true })}>
          Use file date as capture time
        </button>
      )}
      {count > 1 && first && first.fields.latitude !== null && (
        <button type="button" className="btn small" onClick={() => void apply({ locationFrom: first.id })}>
          Copy location of {first.name} to all
        </button>
      )}
    </div>
  );
}
