/** `lightbox inspect <file-or-folder>... [--json]`: reads metadata and upload readiness; never writes the catalog. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FieldSources, UploadFields } from '../../preload/contract';
import { isCandidateImage, isSidecar } from '../metadata/file-kinds';
import { readFileMetadata } from '../metadata/read-file-metadata';

/** One inspected file, as `--json` prints it. */
export interface InspectedFile {
  path: string;
  uploadable: boolean;
  problems: string[];
  fields: UploadFields;
  sources: FieldSources;
}

const HELP = `Usage: lightbox inspect <file-or-folder>... [--json]

Reads each image file (folders are searched recursively) and prints its upload fields,
where each came from, and whether memories.ai can take it. Nothing is written.`;

/** Image files under the given paths (folders recursively, sidecars skipped), absolute, sorted by path; missing paths are reported. */
export async function collectImageFiles(inputs: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(input);
    const info = await stat(abs).catch(() => null);
    if (!info) missing.push(abs);
    else if (info.isDirectory()) for (const f of await walk(abs)) files.add(f);
    else files.add(abs); // Note: a file named explicitly is inspected whatever its name, so odd files get a clear answer.
  }
  return { files: [...files].sort(comparePaths), missing };
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith('.')) out.push(...(await walk(full)));
    else if (e.isFile() && isCandidateImage(e.name) && !isSidecar(e.name)) out.push(full);
  }
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
      out[i] = { path: file, uploadable: md.uploadable, problems: md.problems, fields: md.fields, sources: md.sources };
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
    const src = (k: keyof FieldSources) => (it.sources[k] ? `  (${it.sources[k]})` : '');
    lines.push(`${it.path}`);
    lines.push(`  upload:   ${it.uploadable ? 'yes' : 'no'}`);
    lines.push(`  taken:    ${f.datetime_taken ?? '-'}${src('datetime_taken')}`);
    lines.push(`  camera:   ${f.camera_model ?? '-'}${src('camera_model')}`);
    lines.push(`  location: ${loc}${src('location')}`);
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
  const { files, missing } = await collectImageFiles(parsed.positionals);
  for (const m of missing) process.stderr.write(`lightbox inspect: not found: ${m}\n`);
  const items = await inspectFiles(files);
  process.stdout.write(parsed.values.json ? `${JSON.stringify(items, null, 2)}\n` : `${formatTable(items)}\n`);
  return missing.length > 0 ? 1 : 0;
}
