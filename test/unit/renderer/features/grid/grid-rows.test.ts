import { describe, expect, it } from 'vitest';
import { buildRows, rowOfOffset } from '../../../../../renderer/src/features/grid/grid-rows';

describe('buildRows', () => {
  it('puts a header before each month and fills rows with global offsets', () => {
    const rows = buildRows(
      [
        { key: '2024-07', count: 5 },
        { key: 'undated', count: 2 },
      ],
      2,
    );
    expect(rows).toEqual([
      { kind: 'header', key: '2024-07', count: 5 },
      { kind: 'cells', first: 0, count: 2 },
      { kind: 'cells', first: 2, count: 2 },
      { kind: 'cells', first: 4, count: 1 },
      { kind: 'header', key: 'undated', count: 2 },
      { kind: 'cells', first: 5, count: 2 },
    ]);
  });

  it('covers every offset of 100k photos exactly once', () => {
    const buckets = Array.from({ length: 240 }, (_, i) => ({ key: `b${i}`, count: ((i * 7919) % 833) + 1 }));
    const total = buckets.reduce((sum, b) => sum + b.count, 0);
    let next = 0;
    for (const row of buildRows(buckets, 7)) {
      if (row.kind !== 'cells') continue;
      expect(row.first).toBe(next);
      expect(row.count).toBeGreaterThan(0);
      expect(row.count).toBeLessThanOrEqual(7);
      next += row.count;
    }
    expect(next).toBe(total);
  });
});

describe('rowOfOffset', () => {
  it('finds the cell row of every offset, never a header', () => {
    const buckets = [
      { key: '2024-07', count: 5 },
      { key: '2024-06', count: 1 },
      { key: 'undated', count: 4 },
    ];
    const rows = buildRows(buckets, 3);
    for (let offset = 0; offset < 10; offset += 1) {
      const row = rows[rowOfOffset(rows, offset)];
      expect(row?.kind).toBe('cells');
      if (row?.kind === 'cells') expect(offset >= row.first && offset < row.first + row.count).toBe(true);
    }
    expect(rowOfOffset(rows, 10)).toBe(-1);
  });
});
