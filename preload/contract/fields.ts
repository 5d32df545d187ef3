/** The five metadata fields memories.ai accepts per upload request, and their limits. */

/** Names of the upload fields, in the order the product shows them. */
export const UPLOAD_FIELD_NAMES = ['datetime_taken', 'camera_model', 'location', 'tags'] as const;

/** One editable field group: `location` covers latitude and longitude together (both or neither). */
export type FieldName = (typeof UPLOAD_FIELD_NAMES)[number];

/** The values sent with a photo; null means "not sent". */
export interface UploadFields {
  datetime_taken: string | null;
  camera_model: string | null;
  latitude: number | null;
  longitude: number | null;
  tags: string[];
}

/** Where a field's effective value came from, in words a photographer reads (e.g. "EXIF DateTimeOriginal", "XMP sidecar", "edited"). */
export type FieldSources = Partial<Record<FieldName, string>>;

/** API limits from memories-api.md. */
export const LIMITS = {
  maxFileBytes: 20 * 1024 * 1024,
  maxCameraModelChars: 200,
  maxTags: 50,
  uploadExtensions: ['.jpg', '.jpeg', '.png', '.gif', '.bmp', '.webp'],
} as const;

/** `yyyy-MM-dd HH:mm:ss`, the only time format the API takes. */
export const DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** True when a `yyyy-MM-dd HH:mm:ss` string names a real calendar time (no month 13, no 30 February, no hour 24). */
export function isRealDateTime(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  // Note: Date.UTC only counts days in the month; no local time zone is involved.
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth && h < 24 && mi < 60 && s < 60;
}

/**
 * True for an API address the key may be sent to: https, or plain http only to this computer
 * (the local fake server). Plain http elsewhere would put the key on the network in clear.
 */
export function isSafeApiBase(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
