/** RAW + JPEG pairs: a RAW file beside a JPEG of the same name is one photo; the JPEG is uploaded and the RAW fills what it lacks. */
import path from 'node:path';
import type { FieldSources } from '../../preload/contract';
import { extensionOf } from './file-kinds';
import type { FileMetadata } from './types';
import { fieldProblems } from './upload-rules';

/** RAW extensions that pair with a JPEG (lower case, with dot), in the order a RAW is preferred. */
export const PAIRING_RAW_EXTENSIONS = ['.cr2', '.cr3', '.nef', '.arw', '.raf', '.orf', '.rw2', '.dng'] as const;
const JPEG_EXTENSIONS = ['.jpg', '.jpeg'];

/** One JPEG and the RAW file shot with it (file names as given). */
export interface RawPair {
  jpeg: string;
  raw: string;
}

/** The pairs in one directory, and the RAW files with no JPEG. */
export interface RawPairing {
  pairs: RawPair[];
  loneRaws: string[];
}

/** The note a paired JPEG's row carries. */
export const PAIR_NOTE = 'RAW+JPEG pair: uploads the JPEG';

function stem(name: string): string {
  return name.slice(0, name.length - path.extname(name).length).toLowerCase();
}

function rawRank(name: string): number {
  return (PAIRING_RAW_EXTENSIONS as readonly string[]).indexOf(extensionOf(name));
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Pairs the file names of one directory: same base name (any case), RAW extension with .jpg/.jpeg; each file pairs at most once. */
export function pairRawFiles(fileNames: readonly string[]): RawPairing {
  const raws = fileNames.filter((n) => rawRank(n) >= 0);
  const jpegsByStem = new Map<string, string[]>();
  for (const name of [...fileNames].filter((n) => JPEG_EXTENSIONS.includes(extensionOf(n))).sort(byName)) {
    const list = jpegsByStem.get(stem(name)) ?? [];
    list.push(name);
    jpegsByStem.set(stem(name), list);
  }
  // Note: when two RAWs share a name (a CR2 and the DNG made from it), the camera's own format pairs first.
  const ordered = [...raws].sort((a, b) => rawRank(a) - rawRank(b) || byName(a, b));
  const pairs: RawPair[] = [];
  const loneRaws: string[] = [];
  for (const raw of ordered) {
    const jpeg = jpegsByStem.get(stem(raw))?.shift();
    if (jpeg) pairs.push({ jpeg, raw });
    else loneRaws.push(raw);
  }
  return { pairs: pairs.sort((a, b) => byName(a.jpeg, b.jpeg)), loneRaws: loneRaws.sort(byName) };
}

/** The JPEG's reading with each field it lacks taken from its RAW, the source naming the RAW file; limits are checked again. */
export function mergeRawMetadata(jpeg: FileMetadata, raw: FileMetadata, rawName: string): FileMetadata {
  const fields = { ...jpeg.fields };
  const sources: FieldSources = { ...jpeg.sources };
  const from = (source: string | undefined) => `RAW file ${rawName}${source ? ` (${source})` : ''}`;
  let offsetTimeOriginal = jpeg.offsetTimeOriginal;
  let subSeconds = jpeg.subSeconds;
  if (fields.datetime_taken === null && raw.fields.datetime_taken !== null) {
    fields.datetime_taken = raw.fields.datetime_taken;
    sources.datetime_taken = from(raw.sources.datetime_taken);
    offsetTimeOriginal = raw.offsetTimeOriginal;
    subSeconds = raw.subSeconds;
  }
  if (fields.camera_model === null && raw.fields.camera_model !== null) {
    fields.camera_model = raw.fields.camera_model;
    sources.camera_model = from(raw.sources.camera_model);
  }
  if (fields.latitude === null && fields.longitude === null && raw.fields.latitude !== null) {
    fields.latitude = raw.fields.latitude;
    fields.longitude = raw.fields.longitude;
    sources.location = from(raw.sources.location);
  }
  if (fields.tags.length === 0 && raw.fields.tags.length > 0) {
    fields.tags = raw.fields.tags;
    sources.tags = from(raw.sources.tags);
  }
  const added = fieldProblems(fields).filter((p) => !jpeg.problems.includes(p));
  return {
    ...jpeg,
    fields,
    sources,
    offsetTimeOriginal,
    subSeconds,
    problems: [...jpeg.problems, ...added],
    uploadable: jpeg.uploadable && added.length === 0,
  };
}
