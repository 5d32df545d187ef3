/** The tag list: every effective tag with how many photos carry it. */
import type { TagCount } from '../../preload/contract';
import type { DatabaseSync } from './db-type';
import { sql } from './statements';

/** Every tag, most used first, then by name. */
export function listTags(db: DatabaseSync): TagCount[] {
  const rows = sql(db, 'SELECT tag, COUNT(*) AS count FROM photo_tags GROUP BY tag ORDER BY count DESC, tag').all() as {
    tag: string;
    count: number;
  }[];
  return rows.map((r) => ({ tag: r.tag, count: r.count }));
}
