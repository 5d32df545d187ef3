/** Turns month buckets into the grid's rows: a header per bucket, then rows of cells. */
import type { Bucket } from '../../../../preload/contract';

/** One virtual row of the grid. */
export type GridRow =
  | { kind: 'header'; key: string; count: number }
  | { kind: 'cells'; first: number; count: number };

/** Rows for `buckets` at `columns` cells a row; offsets are global grid offsets. */
export function buildRows(buckets: Bucket[], columns: number): GridRow[] {
  const rows: GridRow[] = [];
  let offset = 0;
  for (const bucket of buckets) {
    rows.push({ kind: 'header', key: bucket.key, count: bucket.count });
    for (let i = 0; i < bucket.count; i += columns) {
      rows.push({ kind: 'cells', first: offset + i, count: Math.min(columns, bucket.count - i) });
    }
    offset += bucket.count;
  }
  return rows;
}
