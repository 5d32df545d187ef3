/** The memories.ai upload rules (memories-api.md) as small pure checks used by the fake server. */

/** Extensions the API takes, lower case. */
export const ALLOWED_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.gif', '.bmp', '.webp'];
/** Largest file the API takes. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Most tags per upload (before the server adds `api`). */
export const MAX_TAGS = 50;
/** Longest camera model, in characters. */
export const MAX_CAMERA_CHARS = 200;

/** Why a file part is refused, or null when it is fine. */
export function fileProblem(name: string, contentType: string, size: number): string | null {
  const dot = name.lastIndexOf('.');
  const ext = dot >= 0 ? name.slice(dot).toLowerCase() : '';
  if (!ALLOWED_EXTENSIONS.includes(ext)) return `file ${name}: unsupported file type ${ext || '(none)'}`;
  if (!contentType.toLowerCase().startsWith('image/'))
    return `file ${name}: content type ${contentType} is not an image`;
  if (size > MAX_FILE_BYTES) return `file ${name}: larger than 20MB (${size} bytes)`;
  return null;
}

/** True when `s` is exactly `yyyy-MM-dd HH:mm:ss` and names a real calendar time. */
export function isValidDatetime(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return false;
  // Note: Date.UTC only for the days-in-month check; no local time zone is involved.
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= daysInMonth;
}

/** True when `s` is a plain decimal number within [-limit, limit]. */
export function isValidCoordinate(s: string, limit: number): boolean {
  if (!/^-?\d{1,3}(\.\d+)?$/.test(s)) return false;
  const v = Number(s);
  return Number.isFinite(v) && Math.abs(v) <= limit;
}

/** Number of characters (code points) of a string. */
export function charCount(s: string): number {
  return [...s].length;
}
