/** Whether memories.ai can take a file as it is, and why not, in a photographer's words. */
import { LIMITS } from '../../preload/contract';
import type { UploadFields } from '../../preload/contract';
import { extensionOf } from './file-kinds';
import type { ImageFormat } from './types';

const ACCEPTED_FORMATS: readonly ImageFormat[] = ['jpeg', 'png', 'gif', 'bmp', 'webp'];

/** Extensions the API accepts for each format it takes. */
const EXTENSIONS_FOR: Partial<Record<ImageFormat, string[]>> = {
  jpeg: ['.jpg', '.jpeg'],
  png: ['.png'],
  gif: ['.gif'],
  bmp: ['.bmp'],
  webp: ['.webp'],
};

/** Plain names of formats for messages. */
const FORMAT_NAMES: Record<ImageFormat, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  gif: 'GIF',
  bmp: 'BMP',
  webp: 'WebP',
  heic: 'HEIC',
  avif: 'AVIF',
  tiff: 'TIFF',
  jp2: 'JPEG 2000',
  raw: 'RAW',
  unknown: 'unknown',
};

/** Why the format itself cannot be uploaded, or null when it can. */
export function formatProblem(format: ImageFormat, label: string): string | null {
  if (ACCEPTED_FORMATS.includes(format)) return null;
  if (format === 'unknown') return "This file isn't a photo memories.ai can take.";
  const name = format === 'raw' ? label : FORMAT_NAMES[format];
  return `${name} photos can't be uploaded to memories.ai; convert to JPEG first.`;
}

/** Why the file name's extension does not fit the true format, or null when it does. */
export function extensionProblem(format: ImageFormat, fileName: string): string | null {
  const allowed = EXTENSIONS_FOR[format];
  if (!allowed) return null;
  const ext = extensionOf(fileName);
  if (allowed.includes(ext)) return null;
  const shown = ext || '(no extension)';
  return `This file is really a ${FORMAT_NAMES[format]} but is named "${shown}"; rename it to end in ${allowed[0]} so memories.ai accepts it.`;
}

/** Why the size is too big, or null. */
export function sizeProblem(size: number): string | null {
  if (size <= LIMITS.maxFileBytes) return null;
  const mib = (size / (1024 * 1024)).toFixed(1);
  return `This file is ${mib} MB; memories.ai takes files up to 20 MB.`;
}

/** Problems with the field values against the API limits (too many tags, too long a camera name). */
export function fieldProblems(fields: UploadFields): string[] {
  const problems: string[] = [];
  if (fields.tags.length > LIMITS.maxTags) {
    problems.push(
      `This photo has ${fields.tags.length} tags; memories.ai takes at most ${LIMITS.maxTags}. Remove some tags before uploading.`,
    );
  }
  if (fields.camera_model !== null && fields.camera_model.length > LIMITS.maxCameraModelChars) {
    problems.push(`The camera name is longer than ${LIMITS.maxCameraModelChars} characters.`);
  }
  return problems;
}

/** All blocking problems for an upload: format, extension, size and field limits. */
export function uploadProblems(o: {
  format: ImageFormat;
  label: string;
  fileName: string;
  size: number;
  fields: UploadFields;
}): string[] {
  return [
    formatProblem(o.format, o.label),
    extensionProblem(o.format, o.fileName),
    sizeProblem(o.size),
    ...fieldProblems(o.fields),
  ].filter((p): p is string => p !== null);
}
