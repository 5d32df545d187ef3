/** "Send capture time as UTC": shifts a wall-clock `yyyy-MM-dd HH:mm:ss` by the photo's own offset. */

const DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * The UTC time of `datetime` taken at `offset` (e.g. `+02:00`), or `datetime` unchanged when the
 * offset is unknown or unreadable. Pure arithmetic on the digits: the computer's zone plays no part.
 */
export function toUtcDatetime(datetime: string, offset: string | null | undefined): string {
  const d = DATETIME.exec(datetime);
  const o = offset ? OFFSET.exec(offset.trim()) : null;
  if (!d || !o) return datetime;
  const [y, mo, da, h, mi, s] = d.slice(1).map(Number) as [number, number, number, number, number, number];
  const minutes = (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3]));
  if (Math.abs(minutes) > 14 * 60) return datetime;
  const t = new Date(Date.UTC(y, mo - 1, da, h, mi, s) - minutes * 60_000);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}
