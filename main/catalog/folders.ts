/** The folders a person added. */
import path from 'node:path';
import type { DatabaseSync } from './db-type';
import { sql } from './statements';
import type { FolderRecord } from '../../preload/contract';

interface FolderRow {
  id: number;
  path: string;
  last_scan_at: string | null;
  skipped: string;
  photo_count: number;
  problem_count: number;
}

const FOLDER_SELECT = `
  SELECT f.id, f.path, f.last_scan_at, f.skipped,
    (SELECT COUNT(*) FROM photos p WHERE p.folder_id = f.id AND p.missing = 0) AS photo_count,
    (SELECT COUNT(*) FROM photos p WHERE p.folder_id = f.id
       AND (p.missing = 1 OR p.file_uploadable = 0 OR p.problems <> '[]')) AS problem_count
  FROM folders f`;

function toRecord(row: FolderRow, scanning: ReadonlySet<number>): FolderRecord {
  return {
    id: row.id,
    path: row.path,
    name: path.basename(row.path) || row.path,
    photoCount: row.photo_count,
    problemCount: row.problem_count,
    scanning: scanning.has(row.id),
    lastScanAt: row.last_scan_at,
    skipped: JSON.parse(row.skipped) as string[],
  };
}

/** Every folder, by path. */
export function listFolders(db: DatabaseSync, scanning: ReadonlySet<number>): FolderRecord[] {
  const rows = sql(db, `${FOLDER_SELECT} ORDER BY f.path`).all() as FolderRow[];
  return rows.map((row) => toRecord(row, scanning));
}

/** Adds a folder by absolute path (idempotent) and returns it. */
export function addFolder(db: DatabaseSync, absPath: string, scanning: ReadonlySet<number>): FolderRecord {
  const resolved = path.resolve(absPath);
  sql(db, 'INSERT OR IGNORE INTO folders (path, added_at) VALUES (?, ?)').run(resolved, new Date().toISOString());
  const row = sql(db, `${FOLDER_SELECT} WHERE f.path = ?`).get(resolved) as FolderRow;
  return toRecord(row, scanning);
}

/** Removes a folder and its photos from the catalog (files on disk are untouched). */
export function removeFolder(db: DatabaseSync, id: number): void {
  sql(db, 'DELETE FROM folders WHERE id = ?').run(id);
}

/** The absolute path of a folder, or null. */
export function folderPath(db: DatabaseSync, id: number): string | null {
  const row = sql(db, 'SELECT path FROM folders WHERE id = ?').get(id) as { path: string } | undefined;
  return row?.path ?? null;
}

/** Records that a folder's scan finished, with the sub-folders it could not enter. */
export function markScanned(db: DatabaseSync, id: number, skipped: readonly string[] = []): void {
  sql(db, 'UPDATE folders SET last_scan_at = ?, skipped = ? WHERE id = ?').run(
    new Date().toISOString(),
    JSON.stringify(skipped),
    id,
  );
}
