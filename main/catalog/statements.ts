/** Prepared statements cached per connection: preparing SQL costs far more than running it. */
import type { DatabaseSync } from './db-type';

type Statement = ReturnType<DatabaseSync['prepare']>;

const caches = new WeakMap<DatabaseSync, Map<string, Statement>>();

/** The prepared statement for `text` on `db`, prepared once. */
export function sql(db: DatabaseSync, text: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = db.prepare(text)));
  return statement;
}
