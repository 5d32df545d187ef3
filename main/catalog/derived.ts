/** Keeps the columns derived from effective values (sort time, tag index) equal to them. */
import type { DatabaseSync } from './db-type';
import { sql } from './statements';
import { effectiveOf, type PhotoRow } from './photo-row';

/**
 * Recomputes `taken_sort` and `photo_tags` of one photo from its effective fields. `row.taken_sort`
 * must be the stored value; `before` (the row before an edit) lets unchanged tags be skipped.
 */
export function refreshDerived(db: DatabaseSync, row: PhotoRow, before?: PhotoRow): void {
  const { fields } = effectiveOf(row);
  if (row.taken_sort !== fields.datetime_taken) {
    sql(db, 'UPDATE photos SET taken_sort = ? WHERE id = ?').run(fields.datetime_taken, row.id);
  }
  if (before) {
    const old = effectiveOf(before).fields.tags;
    if (old.length === fields.tags.length && old.every((t, i) => t === fields.tags[i])) return;
  }
  sql(db, 'DELETE FROM photo_tags WHERE photo_id = ?').run(row.id);
  const insert = sql(db, 'INSERT OR IGNORE INTO photo_tags (photo_id, tag) VALUES (?, ?)');
  for (const tag of fields.tags) insert.run(row.id, tag);
}

/** Loads one photos row, or null. */
export function loadRow(db: DatabaseSync, id: number): PhotoRow | null {
  return (sql(db, 'SELECT * FROM photos WHERE id = ?').get(id) as PhotoRow | undefined) ?? null;
}
