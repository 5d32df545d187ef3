/** Turns month buckets into the grid's rows: a header per bucket, then rows of cells. */
import type { Bucket } from '../../../../preload/contract';

/** One virtual row of the grid. */
export type GridRow = { kind: 'header'; key: string; count: number } | { kind: 'cells'; first: number; count: number };

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

/** Index of the row holding grid offset `offset` (binary search); -1 when none. */
export function rowOfOffset(rows: GridRow[], offset: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const row = rows[mid];
    if (!row) break;
    if (row.kind === 'header') {
      // Note: a header sits just before the first cell row of its bucket; step to that row.
      const next = rows[mid + 1];
      if (next?.kind === 'cells' && offset < next.first) hi = mid - 1;
      else lo = mid + 1;
      continue;
    }
    if (offset < row.first) hi = mid - 1;
    else if (offset >= row.first + row.count) lo = mid + 1;
    else return mid;
  }
  return -1;
}
