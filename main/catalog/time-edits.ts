/** Calendar arithmetic on `yyyy-MM-dd HH:mm:ss` wall-clock times, never through the computer's zone. */

const PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Formats the UTC fields of a Date as `yyyy-MM-dd HH:mm:ss`. */
function formatUtc(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

/**
 * Shifts a wall-clock time by whole seconds; null when the input is not a valid time or the result
 * leaves years 0001-9999.
 */
export function shiftDatetime(value: string, seconds: number): string | null {
  const m = PATTERN.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // Note: the digits are treated as if they were UTC only to borrow Date's calendar arithmetic
  // (month lengths, leap years); no time zone, hence no daylight-saving gap, is ever involved.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const shifted = new Date(date.getTime() + seconds * 1000);
  const y = shifted.getUTCFullYear();
  if (y < 1 || y > 9999) return null;
  return formatUtc(shifted);
}

/**
 * A file's modification time as the computer's local wall-clock time (`yyyy-MM-dd HH:mm:ss`).
 */
export function localWallClock(mtimeMs: number): string {
  // Note: a file date is an instant, while capture times are the camera's wall clock. The best guess
  // for that wall clock is this computer's local time at that instant (the photo was most likely
  // copied here in the same zone), which is also what the file manager shows the person.
  const d = new Date(mtimeMs);
  return (
    `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}
