/** `lightbox inspect <file-or-folder>... [--json]`: reads metadata and upload readiness; never writes the catalog. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FieldSources, UploadFields } from '../../preload/contract';
import { readFileMetadata } from '../metadata/read-file-metadata';
import { walkImages } from '../scan/walk';

/** One inspected file, as `--json` prints it. */
export interface InspectedFile {
  path: string;
  uploadable: boolean;
  problems: string[];
  fields: UploadFields;
  /** Where each field of `fields` that has a value came from, keyed by the field's name. */
  sources: InspectSources;
}

/** Sources keyed like `fields`: latitude and longitude both carry the location's source. */
export type InspectSources = Partial<Record<keyof UploadFields, string>>;

/** Re-keys the catalog's field sources by the names of `fields`, keeping only fields that have a value. */
export function sourcesByField(fields: UploadFields, sources: FieldSources): InspectSources {
  const out: InspectSources = {};
  const put = (name: keyof UploadFields, source: string | undefined, has: boolean): void => {
    if (source !== undefined && has) out[name] = source;
  };
  put('datetime_taken', sources.datetime_taken, fields.datetime_taken !== null);
  put('camera_model', sources.camera_model, fields.camera_model !== null);
  put('latitude', sources.location, fields.latitude !== null);
  put('longitude', sources.location, fields.longitude !== null);
  put('tags', sources.tags, fields.tags.length > 0);
  return out;
}

/** The answer for a named path that is not a regular file. */
export function notRegularFile(file: string): InspectedFile {
  return {
    path: file,
    uploadable: false,
    problems: ['Not a regular file (a pipe, device or socket); Lightbox does not open it.'],
    fields: { datetime_taken: null, camera_model: null, latitude: null, longitude: null, tags: [] },
    sources: {},
  };
}

const HELP = `Usage: lightbox inspect <file-or-folder>... [--json]

Reads each image file (folders are searched recursively) and prints its upload fields,
where each came from, and whether memories.ai can take it. Nothing is written.`;

/** Image files under the given paths (folders walked exactly as a scan walks them), absolute, sorted by path. */
export interface CollectedFiles {
  files: string[];
  /** Paths that do not exist. */
  missing: string[];
  /** Named paths that exist but are not regular files (FIFO, device, socket): never opened. */
  special: string[];
  /** Folders that could not be read. */
  unreadable: string[];
}

/** Collects the image files under the given paths; folders go through the scan's own walker. */
export async function collectImageFiles(inputs: string[]): Promise<CollectedFiles> {
  const files = new Set<string>();
  const out: CollectedFiles = { files: [], missing: [], special: [], unreadable: [] };
  for (const input of inputs) {
    const abs = path.resolve(input);
    const info = await stat(abs).catch(() => null);
    if (!info) out.missing.push(abs);
    else if (info.isDirectory()) {
      const walked = await walkImages(abs);
      for (const f of walked.files) files.add(f.path);
      out.unreadable.push(...walked.unreadable);
    } else if (info.isFile())
      files.add(abs); // Note: a file named explicitly is inspected whatever its name, so odd files get a clear answer.
    else out.special.push(abs); // Note: opening a FIFO would wait for a writer forever.
  }
  out.files = [...files].sort(comparePaths);
  return out;
}

/** Code-unit order, the same on every machine and locale. */
function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads every file, a few at a time. */
export async function inspectFiles(files: string[]): Promise<InspectedFile[]> {
  const out: InspectedFile[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i] as string;
      const md = await readFileMetadata(file);
      out[i] = {
        path: file,
        uploadable: md.uploadable,
        problems: md.problems,
        fields: md.fields,
        sources: sourcesByField(md.fields, md.sources),
      };
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return out;
}

/** A readable table: one block per file. */
export function formatTable(items: InspectedFile[]): string {
  const lines: string[] = [];
  for (const it of items) {
    const f = it.fields;
    const loc = f.latitude !== null && f.longitude !== null ? `${f.latitude}, ${f.longitude}` : '-';
    const src = (k: keyof InspectSources) => (it.sources[k] ? `  (${it.sources[k]})` : '');
    lines.push(`${it.path}`);
    lines.push(`  upload:   ${it.uploadable ? 'yes' : 'no'}`);
    lines.push(`  taken:    ${f.datetime_taken ?? '-'}${src('datetime_taken')}`);
    lines.push(`  camera:   ${f.camera_model ?? '-'}${src('camera_model')}`);
    lines.push(`  location: ${loc}${src('latitude')}`);
    lines.push(`  tags:     ${f.tags.length ? f.tags.join(', ') : '-'}${src('tags')}`);
    for (const p of it.problems) lines.push(`  problem:  ${p}`);
  }
  const ready = items.filter((i) => i.uploadable).length;
  lines.push('', `${items.length} image file${items.length === 1 ? '' : 's'}, ${ready} ready to upload.`);
  return lines.join('\n');
}

/** Runs the command. */
export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (err) {
    process.stderr.write(`lightbox inspect: ${(err as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    process.stderr.write(`${HELP}\n`);
    return 2;
  }
  const { files, missing, special, unreadable } = await collectImageFiles(parsed.positionals);
  for (const m of missing) process.stderr.write(`lightbox inspect: not found: ${m}\n`);
  for (const u of unreadable) process.stderr.write(`lightbox inspect: could not read folder ${u}\n`);
  const items = [...(await inspectFiles(files)), ...special.map(notRegularFile)].sort((a, b) =>
    comparePaths(a.path, b.path),
  );
  process.stdout.write(parsed.values.json ? `${JSON.stringify(items, null, 2)}\n` : `${formatTable(items)}\n`);
  return missing.length > 0 ? 1 : 0;
}
