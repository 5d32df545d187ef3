import { describe, expect, it } from 'vitest';
import { shiftDatetime } from '../../../main/catalog/time-edits';

describe('shiftDatetime', () => {
  it('does calendar arithmetic on the digits', () => {
    expect(shiftDatetime('2023-12-31 23:59:59', 1)).toBe('2024-01-01 00:00:00');
    expect(shiftDatetime('2024-03-01 00:00:00', -1)).toBe('2024-02-29 23:59:59');
    expect(shiftDatetime('2023-03-01 00:00:00', -86400)).toBe('2023-02-28 00:00:00');
    expect(shiftDatetime('2010-06-15 12:00:00', -9 * 3600)).toBe('2010-06-15 03:00:00');
  });

  it('keeps wall-clock times inside daylight-saving gaps of any zone', () => {
    // 02:30 on 2024-03-31 does not exist in Europe/Berlin; it is a valid camera time all the same.
    expect(shiftDatetime('2024-03-31 02:00:00', 1800)).toBe('2024-03-31 02:30:00');
    expect(shiftDatetime('2024-03-10 01:59:59', 1)).toBe('2024-03-10 02:00:00');
  });

  it('refuses invalid input and years outside 0001-9999', () => {
    expect(shiftDatetime('2023-02-30 00:00:00', 0)).toBeNull();
    expect(shiftDatetime('not a date', 0)).toBeNull();
    expect(shiftDatetime('9999-12-31 23:59:59', 1)).toBeNull();
    expect(shiftDatetime('0050-01-01 00:00:00', 0)).toBe('0050-01-01 00:00:00');
  });
});
