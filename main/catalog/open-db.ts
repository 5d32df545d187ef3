/** Opens the catalog database file with the settings that keep it intact and brings its schema up to date. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync as SqliteDatabase } from '@photostructure/sqlite';
import type { DatabaseSync } from './db-type';
import { MIGRATIONS } from './migrations';
import { inTransaction } from './transaction';

/** Opens (creating if needed) the SQLite file and runs pending migrations. */
export function openDatabase(file: string): DatabaseSync {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new SqliteDatabase(file, { timeout: 5000 });
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec('PRAGMA journal_mode = WAL');
    // Note: FULL syncs the WAL on every commit, so a commit that returned survives a kill or a
    // power cut; NORMAL could lose the last commits on power loss.
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The schema version of a database (`PRAGMA user_version`). */
export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}

/** Runs every migration newer than the database, each with its version bump in one transaction. */
export function migrate(db: DatabaseSync): void {
  const current = schemaVersion(db);
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The catalog was written by a newer Lightbox (schema ${current}, this one knows ${MIGRATIONS.length}).`,
    );
  }
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    const sql = MIGRATIONS[version - 1] ?? '';
    inTransaction(db, () => {
      db.exec(sql);
      db.exec(`PRAGMA user_version = ${version}`);
    });
  }
}
