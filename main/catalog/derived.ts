/** Keeps the columns derived from effective values (sort time, tag index) equal to them. */
import type { DatabaseSync } from './db-type';
import { sql } from './statements';
import { effectiveOf, type PhotoRow } from './photo-row';

/** Recomputes `taken_sort` and `photo_tags` of one photo from its effective fields. */
export function refreshDerived(db: DatabaseSync, row: PhotoRow): void {
  const { fields } = effectiveOf(row);
  sql(db, 'UPDATE photos SET taken_sort = ? WHERE id = ?').run(fields.datetime_taken, row.id);
  sql(db, 'DELETE FROM photo_tags WHERE photo_id = ?').run(row.id);
  const insert = sql(db, 'INSERT OR IGNORE INTO photo_tags (photo_id, tag) VALUES (?, ?)');
  for (const tag of fields.tags) insert.run(row.id, tag);
}

/** Loads one photos row, or null. */
export function loadRow(db: DatabaseSync, id: number): PhotoRow | null {
  return (sql(db, 'SELECT * FROM photos WHERE id = ?').get(id) as PhotoRow | undefined) ?? null;
}
