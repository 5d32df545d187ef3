import { describe, expect, it } from 'vitest';
import { toUtcDatetime } from '../../../main/sync/utc-time';

describe('toUtcDatetime', () => {
  it.each([
    ['2024-07-31 01:05:00', '+02:00', '2024-07-30 23:05:00'],
    ['2024-07-31 23:05:00', '-05:30', '2024-08-01 04:35:00'],
    ['2024-12-31 22:00:00', '-03:00', '2025-01-01 01:00:00'],
    ['2024-03-01 03:00:00', '+05:45', '2024-02-29 21:15:00'],
    ['2024-07-31 12:00:00', '+00:00', '2024-07-31 12:00:00'],
    ['2024-07-31 12:00:00', '+0900', '2024-07-31 03:00:00'],
  ])('%s at %s is %s UTC', (wall, offset, utc) => {
    expect(toUtcDatetime(wall, offset)).toBe(utc);
  });

  it.each([null, undefined, '', 'Z', '+25:00', 'garbage'])(
    'leaves the time unchanged without a usable offset (%j)',
    (offset) => {
      expect(toUtcDatetime('2024-07-31 01:05:00', offset)).toBe('2024-07-31 01:05:00');
    },
  );
});
