/** A photos row as stored, and how it turns into the records the renderer and the sync see. */
import type { FieldSources, PhotoDetail, PhotoSummary, SyncState, UploadFields } from '../../preload/contract';
import { LIMITS } from '../../preload/contract';
import { effectiveFields, sameFields, type EffectiveFields, type PhotoEdits } from './effective';

/** Columns of `photos` as SQLite returns them. */
export interface PhotoRow {
  id: number;
  folder_id: number;
  path: string;
  rel_path: string;
  name: string;
  size: number;
  mtime_ms: number;
  format: string;
  mime: string | null;
  width: number | null;
  height: number | null;
  orientation: number | null;
  content_hash: string | null;
  missing: number;
  file_fields: string;
  file_sources: string;
  file_uploadable: number;
  offset_time_original: string | null;
  sub_seconds: string | null;
  problems: string;
  notes: string;
  edit_datetime: string | null;
  edit_datetime_set: number;
  edit_camera: string | null;
  edit_camera_set: number;
  edit_lat: number | null;
  edit_lon: number | null;
  edit_gps_set: number;
  edit_tags_added: string;
  edit_tags_removed: string;
  excluded: number;
  taken_sort: string | null;
  sync_state: string;
  remote_id: string | null;
  sync_error: string | null;
  sync_retryable: number | null;
  sent_fields: string | null;
  uploaded_at: string | null;
}

/** Parses JSON from a column, falling back when it is damaged. */
export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Empty upload fields. */
export function emptyFields(): UploadFields {
  return { datetime_taken: null, camera_model: null, latitude: null, longitude: null, tags: [] };
}

/** The file's own fields of a row. */
export function fileFieldsOf(row: PhotoRow): UploadFields {
  return { ...emptyFields(), ...parseJson<Partial<UploadFields>>(row.file_fields, {}) };
}

/** The edits of a row. */
export function editsOf(row: PhotoRow): PhotoEdits {
  return {
    datetime: { set: row.edit_datetime_set === 1, value: row.edit_datetime },
    camera: { set: row.edit_camera_set === 1, value: row.edit_camera },
    gps: { set: row.edit_gps_set === 1, latitude: row.edit_lat, longitude: row.edit_lon },
    tagsAdded: parseJson<string[]>(row.edit_tags_added, []),
    tagsRemoved: parseJson<string[]>(row.edit_tags_removed, []),
  };
}

/** Effective fields of a row. */
export function effectiveOf(row: PhotoRow): EffectiveFields {
  return effectiveFields(fileFieldsOf(row), editsOf(row), parseJson<FieldSources>(row.file_sources, {}));
}

/** The fields recorded at upload, or null. */
export function sentFieldsOf(row: PhotoRow): UploadFields | null {
  const sent = parseJson<Partial<UploadFields> | null>(row.sent_fields, null);
  return sent ? { ...emptyFields(), ...sent } : null;
}

/** The problems of a row: the file's, plus missing file and too many tags. */
export function problemsOf(row: PhotoRow, fields: UploadFields): string[] {
  const problems = [...parseJson<string[]>(row.problems, [])];
  if (row.missing === 1) problems.push('The file is no longer on disk.');
  if (fields.tags.length > LIMITS.maxTags) {
    problems.push(`Has ${fields.tags.length} tags; memories.ai takes at most ${LIMITS.maxTags}. Remove some.`);
  }
  return problems;
}

/** True when nothing stops this photo from being sent. */
export function uploadableOf(row: PhotoRow, fields: UploadFields): boolean {
  return row.file_uploadable === 1 && row.missing === 0 && fields.tags.length <= LIMITS.maxTags;
}

/** The state the grid shows: excluded wins over the sync state. */
export function stateOf(row: PhotoRow): SyncState {
  return row.excluded === 1 ? 'excluded' : (row.sync_state as SyncState);
}

/** True when the effective fields differ from the ones sent at upload. */
export function changedSinceUploadOf(row: PhotoRow, fields: UploadFields): boolean {
  const sent = sentFieldsOf(row);
  return sent !== null && !sameFields(fields, sent);
}

/** One grid cell. */
export function toSummary(row: PhotoRow, thumbUrl: string): PhotoSummary {
  const { fields } = effectiveOf(row);
  return {
    id: row.id,
    name: row.name,
    folderId: row.folder_id,
    thumbUrl,
    width: row.width,
    height: row.height,
    datetimeTaken: fields.datetime_taken,
    state: stateOf(row),
    uploadable: uploadableOf(row, fields),
    problemCount: problemsOf(row, fields).length,
    tagCount: fields.tags.length,
    changedSinceUpload: changedSinceUploadOf(row, fields),
  };
}

/** Everything the inspector shows. */
export function toDetail(row: PhotoRow, thumbUrl: string): PhotoDetail {
  const { fields, sources, edited } = effectiveOf(row);
  return {
    ...toSummary(row, thumbUrl),
    relPath: row.rel_path,
    sizeBytes: row.size,
    format: row.format,
    mime: row.mime,
    orientation: row.orientation,
    fields,
    fileFields: fileFieldsOf(row),
    edited,
    sources,
    fileSources: parseJson<FieldSources>(row.file_sources, {}),
    offsetTimeOriginal: row.offset_time_original,
    subSeconds: row.sub_seconds,
    problems: problemsOf(row, fields),
    notes: parseJson<string[]>(row.notes, []),
    excluded: row.excluded === 1,
    remoteId: row.remote_id,
    syncError: row.sync_error,
    uploadedAt: row.uploaded_at,
    sentFields: sentFieldsOf(row),
  };
}
