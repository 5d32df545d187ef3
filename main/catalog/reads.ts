/** Reads for the grid and the inspector: buckets, pages, ids and one photo, filtered by a PhotoQuery. */
import type { DatabaseSync } from './db-type';
import { sql } from './statements';
import type { Bucket, PhotoQuery } from '../../preload/contract';
import { LIMITS } from '../../preload/contract';
import { changedSinceUploadOf, effectiveOf, type PhotoRow } from './photo-row';

type SqlValue = string | number | null;

interface Where {
  sql: string;
  params: SqlValue[];
}

/** Ids of uploaded photos whose effective fields differ from what was sent. */
export function changedIds(db: DatabaseSync): number[] {
  const rows = sql(db, 'SELECT * FROM photos WHERE sent_fields IS NOT NULL').all() as unknown as PhotoRow[];
  return rows.filter((row) => changedSinceUploadOf(row, effectiveOf(row).fields)).map((row) => row.id);
}

const PROBLEMS_SQL = `(p.missing = 1 OR p.file_uploadable = 0 OR p.problems <> '[]'
  OR (SELECT COUNT(*) FROM photo_tags t WHERE t.photo_id = p.id) > ${LIMITS.maxTags})`;

function stateClause(db: DatabaseSync, state: NonNullable<PhotoQuery['state']>): Where {
  if (state === 'problems') return { sql: PROBLEMS_SQL, params: [] };
  if (state === 'excluded') return { sql: 'p.excluded = 1', params: [] };
  if (state === 'changed') {
    return { sql: 'p.id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(changedIds(db))] };
  }
  return { sql: 'p.excluded = 0 AND p.sync_state = ?', params: [state] };
}

/** The WHERE clause (on alias `p`) of a query. */
export function whereOf(db: DatabaseSync, query: PhotoQuery): Where {
  const parts: Where[] = [];
  if (query.folderId !== undefined) parts.push({ sql: 'p.folder_id = ?', params: [query.folderId] });
  if (query.state !== undefined) parts.push(stateClause(db, query.state));
  if (query.tag !== undefined) {
    parts.push({
      sql: 'EXISTS (SELECT 1 FROM photo_tags t WHERE t.photo_id = p.id AND t.tag = ?)',
      params: [query.tag],
    });
  }
  const text = query.text?.trim();
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push({ sql: "p.name LIKE ? ESCAPE '\\'", params: [pattern] });
  }
  if (parts.length === 0) return { sql: '1', params: [] };
  return { sql: parts.map((p) => `(${p.sql})`).join(' AND '), params: parts.flatMap((p) => p.params) };
}

// Note: SQLite sorts NULL lowest, so DESC puts undated photos last, as the buckets list them.
const ORDER = 'ORDER BY p.taken_sort DESC, p.id DESC';

/** Month buckets (`yyyy-MM` of the effective time), newest first, then `undated`. */
export function buckets(db: DatabaseSync, query: PhotoQuery): Bucket[] {
  const where = whereOf(db, query);
  const rows = sql(
    db,
    `SELECT COALESCE(substr(p.taken_sort, 1, 7), 'undated') AS key, COUNT(*) AS count
       FROM photos p WHERE ${where.sql} GROUP BY key ORDER BY key = 'undated', key DESC`,
  ).all(...where.params) as { key: string; count: number }[];
  return rows.map((r) => ({ key: r.key, count: r.count }));
}

/** One page of rows in grid order. */
export function pageRows(db: DatabaseSync, query: PhotoQuery, offset: number, limit: number): PhotoRow[] {
  const where = whereOf(db, query);
  return sql(db, `SELECT p.* FROM photos p WHERE ${where.sql} ${ORDER} LIMIT ? OFFSET ?`).all(
    ...where.params,
    limit,
    offset,
  ) as unknown as PhotoRow[];
}

/** Every id of a query, in grid order. */
export function queryIds(db: DatabaseSync, query: PhotoQuery): number[] {
  const where = whereOf(db, query);
  const rows = sql(db, `SELECT p.id FROM photos p WHERE ${where.sql} ${ORDER}`).all(...where.params) as {
    id: number;
  }[];
  return rows.map((r) => r.id);
}

/** The id of the photo at an absolute path, or null. */
export function idForPath(db: DatabaseSync, absPath: string): number | null {
  const row = sql(db, 'SELECT id FROM photos WHERE path = ?').get(absPath) as { id: number } | undefined;
  return row?.id ?? null;
}
