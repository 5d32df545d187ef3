/** Folds the details of the selected photos into what the inspector shows: common values or "mixed". */
import type { PhotoDetail } from '../../../../preload/contract';
import { formatLocation } from '../../lib/format';
import type { TagShare } from '../tags/tag-editor';

/** One field across the selection. */
export interface FieldSummary {
  value: string | null;
  mixed: boolean;
  source: string;
  edited: boolean;
  /** What the file itself says, shown under an edited field: "2008-05-30 15:56:01 (EXIF DateTimeOriginal)". */
  fileNote: string | null;
}

/** The file's own value of an edited field when the selection agrees on it; null otherwise. */
function fileNoteOf(
  details: PhotoDetail[],
  read: (fields: PhotoDetail['fields']) => string,
  key: 'datetime_taken' | 'camera_model' | 'location' | 'tags',
): string | null {
  if (!details.some((d) => d.edited[key] === true)) return null;
  const values = new Set(details.map((d) => read(d.fileFields)));
  if (values.size !== 1) return 'The files hold various values';
  const value = [...values][0] || 'nothing';
  const sources = new Set(details.map((d) => d.fileSources[key]).filter(Boolean));
  const source = sources.size === 1 ? ` (${[...sources][0]})` : '';
  return `In the file: ${key === 'tags' ? value.split('\u0000').join(', ') : value}${source}`;
}

/** Summarises a field given how to read its text from one photo. */
function summarize(
  details: PhotoDetail[],
  read: (fields: PhotoDetail['fields']) => string,
  key: 'datetime_taken' | 'camera_model' | 'location' | 'tags',
): FieldSummary {
  const values = new Set(details.map((d) => read(d.fields)));
  const sources = new Set(details.map((d) => d.sources[key] ?? 'not set'));
  const mixed = values.size > 1;
  return {
    value: mixed ? null : ([...values][0] ?? ''),
    mixed,
    source: sources.size === 1 ? ([...sources][0] ?? '') : 'various',
    edited: details.some((d) => d.edited[key] === true),
    fileNote: fileNoteOf(details, read, key),
  };
}

/** Summaries of the four upload fields. */
export function summarizeFields(details: PhotoDetail[]) {
  return {
    time: summarize(details, (f) => f.datetime_taken ?? '', 'datetime_taken'),
    camera: summarize(details, (f) => f.camera_model ?? '', 'camera_model'),
    location: summarize(details, (f) => formatLocation(f.latitude, f.longitude), 'location'),
    tags: summarize(details, (f) => f.tags.join('\u0000'), 'tags'),
  };
}

/** Tags of the selection with how many photos carry each. */
export function tagShares(details: PhotoDetail[]): TagShare[] {
  const counts = new Map<string, number>();
  for (const d of details) for (const t of d.fields.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Parses `lat, lon` text; null for empty text, undefined when it is not two numbers. */
export function parseLocation(text: string): { latitude: number; longitude: number } | null | undefined {
  if (!text.trim()) return null;
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  if (parts.length !== 2) return undefined;
  const [latitude, longitude] = parts.map(Number) as [number, number];
  return Number.isFinite(latitude) && Number.isFinite(longitude) ? { latitude, longitude } : undefined;
}
