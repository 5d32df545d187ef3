/** Capture-time parsing: raw metadata date strings to `yyyy-MM-dd HH:mm:ss`, digits only, never through a Date. */

/** A wall-clock time read from a tag, plus what came with it. */
export interface ParsedDateTime {
  /** `yyyy-MM-dd HH:mm:ss`, exactly the digits written in the file. */
  value: string;
  /** Zone written inside the value (`+01:00`, `Z`), or null. */
  zone: string | null;
  /** Sub-second digits written inside the value, or null. */
  subSeconds: string | null;
}

// Note: EXIF writes `2008:05:30 15:56:01`, XMP writes `2008-05-30T15:56:01.09+01:00`; both put the
// date first, so one pattern with either separator reads both. Seconds are optional in XMP.
const DATE_TIME =
  /^\s*(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,](\d+))?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a calendar date that exists (year 1-9999, Feb 29 only in leap years). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= max;
}

/** Reads a date-and-time value; null for placeholders (`0000:00:00`, blanks), impossible values and date-only values. */
export function parseDateTime(raw: unknown): ParsedDateTime | null {
  if (typeof raw !== 'string') return null;
  const m = DATE_TIME.exec(raw.replace(/\0/g, ''));
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', sub, zone] = m as unknown as string[];
  if (!y || !mo || !d || !h || !mi) return null;
  if (!isRealDate(Number(y), Number(mo), Number(d))) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return { value: `${y}-${mo}-${d} ${h}:${mi}:${s}`, zone: zone ?? null, subSeconds: sub ?? null };
}

/** Joins an IPTC DateCreated (`20081219` or `2008-12-19`) and TimeCreated (`090107`, `09:01:07+01:00`). */
export function parseIptcDateTime(date: unknown, time: unknown): ParsedDateTime | null {
  if (typeof date !== 'string' || typeof time !== 'string') return null;
  const dm = /^\s*(\d{4})-?(\d{2})-?(\d{2})\s*$/.exec(date);
  const tm = /^\s*(\d{2}):?(\d{2}):?(\d{2})\s*(Z|[+-]\d{2}:?\d{2})?\s*$/.exec(time);
  if (!dm || !tm) return null;
  const zone = tm[4] ?? null;
  return parseDateTime(`${dm[1]}:${dm[2]}:${dm[3]} ${tm[1]}:${tm[2]}:${tm[3]}${zone ?? ''}`);
}

/** Normalises an EXIF OffsetTime* value (`+01:00`); null when absent or not an offset. */
export function parseOffset(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^\s*([+-])(\d{2}):?(\d{2})\s*$/.exec(raw.replace(/\0/g, ''));
  if (!m || Number(m[2]) > 14 || Number(m[3]) > 59) return null;
  return `${m[1]}${m[2]}:${m[3]}`;
}

/** Sub-second digits of an EXIF SubSecTime* value; null when absent. */
export function parseSubSeconds(raw: unknown): string | null {
  const text = typeof raw === 'number' ? String(raw) : raw;
  if (typeof text !== 'string') return null;
  const m = /^\s*(\d+)\s*$/.exec(text.replace(/\0/g, ''));
  return m?.[1] ?? null;
}
