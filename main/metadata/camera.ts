/** Camera model: Make and Model as one readable string, within the API's limit. */
import { LIMITS } from '../../preload/contract';

/** Trims padding: spaces, NULs and other control characters at either end; non-strings give ''. */
export function cleanText(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  // Note: EXIF ASCII fields are fixed-width and often padded with NULs or spaces; some writers
  // leave garbage after the first NUL, so the value ends at the first NUL.
  const upToNul = raw.split('\0')[0] ?? '';
  return upToNul.replace(/^[\s\p{Cc}]+|[\s\p{Cc}]+$/gu, '');
}

/** Cuts text to at most `max` UTF-16 units without splitting a code point (no lone surrogate). */
export function cutOnCodePoint(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** "Make Model", or Model alone when it already starts with Make (case-insensitive); null when both empty. */
export function cameraModel(make: unknown, model: unknown): string | null {
  const mk = cleanText(make);
  const md = cleanText(model);
  let joined: string;
  if (!mk) joined = md;
  else if (!md) joined = mk;
  else if (md.toLowerCase().startsWith(mk.toLowerCase())) joined = md;
  else joined = `${mk} ${md}`;
  return joined ? cutOnCodePoint(joined, LIMITS.maxCameraModelChars) : null;
}
