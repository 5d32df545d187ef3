/** Runs work inside one SQLite transaction. */
import type { DatabaseSync } from './db-type';

/**
 * Runs `work` in a `BEGIN IMMEDIATE` transaction, committing on return and rolling back on throw.
 * Inside an open transaction it just runs `work` (the outer transaction decides).
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  if (db.isTransaction) return work();
  // Note: IMMEDIATE takes the write lock up front, so two writers wait (busy_timeout) instead of
  // failing with SQLITE_BUSY half-way through a read-then-write.
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
