/** What a scan writes: file values of new and changed files, and which files went missing. */
import type { DatabaseSync } from './db-type';
import { sql } from './statements';
import type { FileMetadata } from '../metadata/types';
import { refreshDerived } from './derived';
import type { PhotoRow } from './photo-row';
import { inTransaction } from './transaction';
import { TIMEOUT_PROBLEM } from '../metadata/timeout-problem';

/** One file as the scanner found and read it. */
export interface ScannedFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the scanned folder. */
  relPath: string;
  name: string;
  size: number;
  mtimeMs: number;
  /** Newest modification time of its XMP sidecars, null when none. */
  sidecarMtimeMs?: number | null;
  contentHash: string | null;
  metadata: FileMetadata;
}

/** What the catalog already knows of a folder's files, by absolute path. */
export interface KnownFile {
  id: number;
  size: number;
  mtimeMs: number;
  sidecarMtimeMs: number | null;
  missing: boolean;
  /** The last reading ran out of time (maybe only because the machine was busy): read it again. */
  readTimedOut: boolean;
}

// Note: the conflict branch updates only what the file says; edit_* and sync columns are never
// named here, so a rescan cannot lose an edit or an upload record.
const UPSERT = `
  INSERT INTO photos (folder_id, path, rel_path, name, size, mtime_ms, format, mime, width, height,
    orientation, content_hash, sidecar_mtime_ms, missing, file_fields, file_sources, file_uploadable,
    offset_time_original, sub_seconds, problems, notes)
  VALUES (:folder_id, :path, :rel_path, :name, :size, :mtime_ms, :format, :mime, :width, :height,
    :orientation, :content_hash, :sidecar_mtime_ms, 0, :file_fields, :file_sources, :file_uploadable,
    :offset_time_original, :sub_seconds, :problems, :notes)
  ON CONFLICT(path) DO UPDATE SET
    rel_path = excluded.rel_path, name = excluded.name, size = excluded.size,
    mtime_ms = excluded.mtime_ms, format = excluded.format, mime = excluded.mime,
    width = excluded.width, height = excluded.height, orientation = excluded.orientation,
    content_hash = excluded.content_hash, sidecar_mtime_ms = excluded.sidecar_mtime_ms, missing = 0, file_fields = excluded.file_fields,
    file_sources = excluded.file_sources, file_uploadable = excluded.file_uploadable,
    offset_time_original = excluded.offset_time_original, sub_seconds = excluded.sub_seconds,
    problems = excluded.problems, notes = excluded.notes
  RETURNING *`;

/** Writes a batch of scanned files in ONE transaction; returns their ids. */
export function upsertScanBatch(db: DatabaseSync, folderId: number, files: readonly ScannedFile[]): number[] {
  return inTransaction(db, () => {
    const upsert = sql(db, UPSERT);
    const ids: number[] = [];
    for (const file of files) {
      const m = file.metadata;
      const row = upsert.get({
        folder_id: folderId,
        path: file.path,
        rel_path: file.relPath,
        name: file.name,
        size: file.size,
        mtime_ms: Math.trunc(file.mtimeMs),
        format: m.format,
        mime: m.mime,
        width: m.width,
        height: m.height,
        orientation: m.orientation,
        content_hash: file.contentHash,
        sidecar_mtime_ms: file.sidecarMtimeMs == null ? null : Math.trunc(file.sidecarMtimeMs),
        file_fields: JSON.stringify(m.fields),
        file_sources: JSON.stringify(m.sources),
        file_uploadable: m.uploadable ? 1 : 0,
        offset_time_original: m.offsetTimeOriginal,
        sub_seconds: m.subSeconds,
        problems: JSON.stringify(m.problems),
        notes: JSON.stringify(m.notes ?? []),
      }) as PhotoRow;
      refreshDerived(db, row);
      ids.push(row.id);
    }
    return ids;
  });
}

/** The files the catalog holds for a folder. */
export function knownFiles(db: DatabaseSync, folderId: number): Map<string, KnownFile> {
  const rows = sql(
    db,
    'SELECT id, path, size, mtime_ms, sidecar_mtime_ms, missing, instr(problems, ?) > 0 AS timed_out FROM photos WHERE folder_id = ?',
  ).all(JSON.stringify(TIMEOUT_PROBLEM), folderId) as {
    id: number;
    path: string;
    size: number;
    mtime_ms: number;
    sidecar_mtime_ms: number | null;
    missing: number;
    timed_out: number;
  }[];
  return new Map(
    rows.map((r) => [
      r.path,
      {
        id: r.id,
        size: r.size,
        mtimeMs: r.mtime_ms,
        sidecarMtimeMs: r.sidecar_mtime_ms,
        missing: r.missing === 1,
        readTimedOut: r.timed_out === 1,
      },
    ]),
  );
}

/** Marks photos missing (or present again); they keep their edits and sync state. */
export function setMissing(db: DatabaseSync, ids: readonly number[], missing: boolean): void {
  if (ids.length === 0) return;
  inTransaction(db, () => {
    const update = sql(db, 'UPDATE photos SET missing = ? WHERE id = ?');
    for (const id of ids) update.run(missing ? 1 : 0, id);
  });
}
