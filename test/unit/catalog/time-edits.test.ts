import { describe, expect, it } from 'vitest';
import { localWallClock, shiftDatetime } from '../../../main/catalog/time-edits';

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

describe('time edits under a set time zone', () => {
  const original = process.env['TZ'];
  const withTz = <T>(tz: string, body: () => T): T => {
    process.env['TZ'] = tz;
    try {
      return body();
    } finally {
      if (original === undefined) delete process.env['TZ'];
      else process.env['TZ'] = original;
    }
  };

  it('shifting is the same in every zone, even across a daylight-saving gap there', () => {
    for (const tz of ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kathmandu']) {
      withTz(tz, () => {
        expect(shiftDatetime('2024-03-31 01:30:00', 3600), tz).toBe('2024-03-31 02:30:00');
        expect(shiftDatetime('2024-03-10 01:30:00', 3600), tz).toBe('2024-03-10 02:30:00');
      });
    }
  });

  it('the file date is the wall clock of the computer’s zone', () => {
    const instant = Date.UTC(2020, 0, 1, 0, 0, 0);
    expect(withTz('Asia/Kathmandu', () => localWallClock(instant))).toBe('2020-01-01 05:45:00');
    expect(withTz('America/Los_Angeles', () => localWallClock(instant))).toBe('2019-12-31 16:00:00');
    expect(withTz('UTC', () => localWallClock(instant))).toBe('2020-01-01 00:00:00');
  });
});
