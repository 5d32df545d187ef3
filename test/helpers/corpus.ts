/** Locates the shared real-photo corpus (../shared/corpus) and loads its exiftool manifest. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (two folders above this helper). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of the corpus folder, whether or not it exists. */
export const corpusDir = path.resolve(repoRoot, '../shared/corpus');

/** True when the corpus and its manifest are present. */
export const hasCorpus = existsSync(path.join(corpusDir, 'manifest.json'));

/** Message shown when corpus tests are skipped. */
export const corpusSkipNote = `corpus tests skipped: ${corpusDir}/manifest.json not found`;

/** One manifest entry (the fields tests use; the manifest holds more). */
export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
  format: string;
  mime_type: string | null;
  width: number | null;
  height: number | null;
  orientation: number | null;
  display_width: number | null;
  display_height: number | null;
  capture_time: string | null;
  capture_time_tag: string | null;
  offset_time_original: string | null;
  make: string | null;
  model: string | null;
  camera: string | null;
  gps_latitude: number | null;
  gps_longitude: number | null;
  keywords: string[];
  notes: string[];
  decode_check: { decodes: boolean; messages: string[] };
}

/** The manifest: rules and files. */
export interface Manifest {
  rules: Record<string, string>;
  files: ManifestFile[];
}

/** Loads manifest.json; throws when the corpus is absent (guard with `hasCorpus`). */
export function loadManifest(): Manifest {
  return JSON.parse(readFileSync(path.join(corpusDir, 'manifest.json'), 'utf8')) as Manifest;
}

/** Absolute path of a manifest entry. */
export function corpusPath(file: Pick<ManifestFile, 'path'>): string {
  return path.join(corpusDir, file.path);
}

/** Upload-field values to compare: what memories.ai receives. */
export interface ComparableFields {
  datetime_taken: string | null;
  camera_model: string | null;
  latitude: number | null;
  longitude: number | null;
  tags: string[];
}

/** The upload fields the manifest expects for a file (its rules are the product's rules). */
export function expectedFields(file: ManifestFile): ComparableFields {
  return {
    datetime_taken: file.capture_time,
    camera_model: file.camera,
    latitude: file.gps_latitude,
    longitude: file.gps_longitude,
    tags: file.keywords,
  };
}

/** Differences between actual and expected fields, one readable line each (GPS compared within 1e-6 degrees). */
export function fieldMismatches(relPath: string, actual: ComparableFields, expected: ComparableFields): string[] {
  const out: string[] = [];
  const show = (v: unknown) => JSON.stringify(v);
  if (actual.datetime_taken !== expected.datetime_taken)
    out.push(`${relPath}: datetime_taken ${show(actual.datetime_taken)} != manifest ${show(expected.datetime_taken)}`);
  if (actual.camera_model !== expected.camera_model)
    out.push(`${relPath}: camera_model ${show(actual.camera_model)} != manifest ${show(expected.camera_model)}`);
  for (const key of ['latitude', 'longitude'] as const) {
    const a = actual[key];
    const e = expected[key];
    const same = a === null || e === null ? a === e : Math.abs(a - e) <= 1e-6;
    if (!same) out.push(`${relPath}: ${key} ${show(a)} != manifest ${show(e)}`);
  }
  if (show(actual.tags) !== show(expected.tags))
    out.push(`${relPath}: tags ${show(actual.tags)} != manifest ${show(expected.tags)}`);
  return out;
}
