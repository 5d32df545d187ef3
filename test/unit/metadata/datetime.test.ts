import { describe, expect, it } from 'vitest';
import {
  isRealDate,
  parseDateTime,
  parseIptcDateTime,
  parseOffset,
  parseSubSeconds,
} from '../../../main/metadata/datetime';

describe('parseDateTime', () => {
  it('keeps the digits of an EXIF value', () => {
    expect(parseDateTime('2008:05:30 15:56:01')).toEqual({
      value: '2008-05-30 15:56:01',
      zone: null,
      subSeconds: null,
    });
  });

  it('reads XMP values with T, sub-seconds and a zone, keeping the wall-clock digits', () => {
    expect(parseDateTime('2008-09-20T09:01:07.09+01:00')).toEqual({
      value: '2008-09-20 09:01:07',
      zone: '+01:00',
      subSeconds: '09',
    });
    expect(parseDateTime('2013-07-05T03:18:27Z')?.value).toBe('2013-07-05 03:18:27');
    expect(parseDateTime('2010-04-21T16:50-05:00')?.value).toBe('2010-04-21 16:50:00');
  });

  it('never shifts a time in a daylight-saving gap or overlap of the computer zone', () => {
    // 02:30 on 2021-03-28 does not exist in Berlin; 01:30 on 2021-11-07 happens twice in Los Angeles.
    expect(parseDateTime('2021:03:28 02:30:00')?.value).toBe('2021-03-28 02:30:00');
    expect(parseDateTime('2021:11:07 01:30:00')?.value).toBe('2021-11-07 01:30:00');
  });

  it('treats placeholders, blanks and impossible values as absent', () => {
    for (const raw of [
      '0000:00:00 00:00:00',
      '    :  :     :  :  ',
      '',
      '2020:13:01 10:00:00',
      '2020:12:01 24:00:00',
      '2019:02:29 10:00:00',
      '2020:01:01 10:60:00',
      '2020:04:31 10:00:00',
    ]) {
      expect(parseDateTime(raw), raw).toBeNull();
    }
  });

  it('treats year-only and date-only XMP values as absent', () => {
    expect(parseDateTime('2008')).toBeNull();
    expect(parseDateTime('1970:01:01')).toBeNull();
    expect(parseDateTime('2010-04-21')).toBeNull();
  });

  it('accepts a leap day in a leap year and ignores trailing NULs', () => {
    expect(parseDateTime('2020:02:29 23:59:59\0')?.value).toBe('2020-02-29 23:59:59');
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(1900, 2, 29)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(parseDateTime(undefined)).toBeNull();
    expect(parseDateTime(20080530)).toBeNull();
  });
});

describe('IPTC date and time, offsets, sub-seconds', () => {
  it('joins DateCreated and TimeCreated in their IIM and XMP spellings', () => {
    expect(parseIptcDateTime('20200723', '000000+0000')).toEqual({
      value: '2020-07-23 00:00:00',
      zone: '+0000',
      subSeconds: null,
    });
    expect(parseIptcDateTime('2019-10-16', '19:01:00+00:00')?.value).toBe('2019-10-16 19:01:00');
    expect(parseIptcDateTime('20200723', null)).toBeNull();
    expect(parseIptcDateTime('00000000', '120000')).toBeNull();
  });

  it('normalises OffsetTimeOriginal and sub-second digits', () => {
    expect(parseOffset('+03:00')).toBe('+03:00');
    expect(parseOffset('-0530')).toBe('-05:30');
    expect(parseOffset('   :  ')).toBeNull();
    expect(parseSubSeconds('09')).toBe('09');
    expect(parseSubSeconds(41)).toBe('41');
    expect(parseSubSeconds('  ')).toBeNull();
  });
});
