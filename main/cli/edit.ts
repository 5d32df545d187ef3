/** `lightbox edit <path>... [options]`: the same edits the app makes, from the command line. */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { photoPatchSchema } from '../../preload/contract';
import type { Catalog } from '../catalog/catalog';
import { withCliContext } from './context';

const USAGE = `Usage: lightbox edit <path>... [--add-tag T]... [--remove-tag T]... [--datetime "yyyy-MM-dd HH:mm:ss"]
  [--camera TEXT] [--gps LAT,LON] [--clear-gps] [--exclude | --include]`;

const OPTIONS = {
  'add-tag': { type: 'string', multiple: true },
  'remove-tag': { type: 'string', multiple: true },
  datetime: { type: 'string' },
  camera: { type: 'string' },
  gps: { type: 'string' },
  'clear-gps': { type: 'boolean' },
  exclude: { type: 'boolean' },
  include: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/**
 * Joins `--option value` into `--option=value` for options that take a value, so values that start
 * with a dash (`--gps -33.8,151.2`, a tag like `-old`) are not mistaken for options.
 */
function joinOptionValues(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const name = arg.startsWith('--') ? arg.slice(2) : '';
    const spec = (OPTIONS as Record<string, { type: string }>)[name];
    if (spec?.type === 'string' && i + 1 < args.length) out.push(`${arg}=${args[++i] as string}`);
    else out.push(arg);
  }
  return out;
}

/** Parses `LAT,LON` into numbers; throws with a readable message. */
function parseGps(text: string): { latitude: number; longitude: number } {
  const parts = text.split(',').map((p) => p.trim());
  const [lat, lon] = parts.map(Number);
  if (parts.length !== 2 || parts.some((p) => p === '') || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    throw new Error(`--gps needs LAT,LON in decimal degrees, e.g. --gps 48.8584,2.2945 (got "${text}")`);
  }
  return { latitude: lat as number, longitude: lon as number };
}

/** Builds the raw patch from the options (validated afterwards with the contract's schema). */
function patchOf(v: Values): Record<string, unknown> {
  if (v.exclude && v.include) throw new Error('--exclude and --include cannot be used together');
  if (v.gps !== undefined && v['clear-gps']) throw new Error('--gps and --clear-gps cannot be used together');
  const patch: Record<string, unknown> = {};
  if (v['add-tag']) patch['addTags'] = v['add-tag'];
  if (v['remove-tag']) patch['removeTags'] = v['remove-tag'];
  if (v.datetime !== undefined) patch['datetime_taken'] = v.datetime;
  if (v.camera !== undefined) patch['camera_model'] = v.camera;
  if (v.gps !== undefined) patch['location'] = parseGps(v.gps);
  if (v['clear-gps']) patch['location'] = null;
  if (v.exclude) patch['excluded'] = true;
  if (v.include) patch['excluded'] = false;
  if (Object.keys(patch).length === 0) throw new Error('nothing to change: give at least one edit option');
  return patch;
}

/** Finds the catalog ids of the given paths; unknown paths are returned separately. */
function idsOf(catalog: Catalog, paths: string[]): { ids: number[]; unknown: string[] } {
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(p);
    let id = catalog.idForPath(abs);
    if (id === null) {
      try {
        id = catalog.idForPath(realpathSync(abs));
      } catch {
        id = null;
      }
    }
    if (id === null) unknown.push(p);
    else ids.push(id);
  }
  return { ids, unknown };
}

/** Runs the command; exit status 1 on bad input, unknown paths or photos that refused the edit. */
export async function run(args: string[]): Promise<number> {
  let values: Values;
  let positionals: string[];
  let patch: Record<string, unknown>;
  try {
    ({ values, positionals } = parseArgs({
      args: joinOptionValues(args),
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    }));
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (positionals.length === 0) throw new Error('give at least one photo path');
    patch = patchOf(values);
  } catch (error) {
    console.error(`lightbox edit: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 1;
  }
  const parsed = photoPatchSchema.safeParse(patch);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`lightbox edit: ${issue.path.join('.')}: ${issue.message}`);
    return 1;
  }
  return withCliContext(async ({ catalog, events }) => {
    const { ids, unknown } = idsOf(catalog, positionals);
    if (unknown.length > 0) {
      console.error(`lightbox edit: not in the catalog (import their folder first):\n  ${unknown.join('\n  ')}`);
      return 1;
    }
    const result = catalog.applyEdit(ids, parsed.data);
    events.emit('catalog:changed', { ids });
    for (const problem of result.problems) console.error(`lightbox edit: ${problem}`);
    console.log(`Updated ${result.updated} of ${ids.length} photos`);
    return result.problems.length > 0 ? 1 : 0;
  });
}
