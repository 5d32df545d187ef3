/** What the sync engine needs to know of each photo, with effective fields computed. */
import type { SyncState, UploadFields } from '../../preload/contract';
import type { DatabaseSync } from './db-type';
import { sql } from './statements';
import { effectiveOf, problemsOf, sentFieldsOf, uploadableOf, type PhotoRow } from './photo-row';

/** One photo as the sync engine sees it. */
export interface SyncRow {
  id: number;
  /** Absolute path of the file. */
  path: string;
  name: string;
  size: number;
  format: string;
  mime: string | null;
  /** The effective fields (edit, else file): what would be sent. */
  fields: UploadFields;
  uploadable: boolean;
  problems: string[];
  excluded: boolean;
  /** The stored sync state (`excluded` is the separate flag above). */
  syncState: SyncState;
  remoteId: string | null;
  contentHash: string | null;
  sentFields: UploadFields | null;
}

/** Converts one row. */
export function toSyncRow(row: PhotoRow): SyncRow {
  const { fields } = effectiveOf(row);
  return {
    id: row.id,
    path: row.path,
    name: row.name,
    size: row.size,
    format: row.format,
    mime: row.mime,
    fields,
    uploadable: uploadableOf(row, fields),
    problems: problemsOf(row, fields),
    excluded: row.excluded === 1,
    syncState: row.sync_state as SyncState,
    remoteId: row.remote_id,
    contentHash: row.content_hash,
    sentFields: sentFieldsOf(row),
  };
}

/** The sync rows of the given photos (all photos when `ids` is absent), ordered by path. */
export function listSyncRows(db: DatabaseSync, ids?: readonly number[]): SyncRow[] {
  const rows = (ids === undefined
    ? sql(db, 'SELECT * FROM photos ORDER BY path').all()
    : sql(db, 'SELECT * FROM photos WHERE id IN (SELECT value FROM json_each(?)) ORDER BY path').all(
        JSON.stringify(ids),
      )) as unknown as PhotoRow[];
  return rows.map(toSyncRow);
}
