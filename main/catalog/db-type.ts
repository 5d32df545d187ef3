/** The type of an open catalog database (the package exports `DatabaseSync` as a value only). */
import type { DatabaseSyncInstance } from '@photostructure/sqlite';

/** An open SQLite connection (node:sqlite's `DatabaseSync` API). */
export type DatabaseSync = DatabaseSyncInstance;
