/** `lightbox import <folder>...`: adds folders to the catalog and scans them. */
import { statSync } from 'node:fs';
import { opendir } from 'node:fs/promises';
import path from 'node:path';
import type { ScanSummary } from '../app/services';
import { createScanService } from '../scan/scan-service';
import { refuseSystemFolder } from '../scan/system-folders';
import { withCliContext, type CliContext } from './context';

const USAGE = 'Usage: lightbox import <folder>...';

async function importFolder(ctx: CliContext, folder: string): Promise<boolean> {
  const abs = path.resolve(folder);
  if (!statSync(abs, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`lightbox import: not a folder: ${folder}`);
    return false;
  }
  const refused = refuseSystemFolder(abs);
  if (refused !== null) {
    console.error(`lightbox import: ${refused}`);
    return false;
  }
  const scanner = createScanService({ catalog: ctx.catalog, events: ctx.events });
  const record = ctx.catalog.addFolder(abs);
  let lastShown = -1;
  const stop = ctx.events.on('scan:progress', (p) => {
    if (p.folderId !== record.id || p.done === lastShown) return;
    if (p.finished || p.done - lastShown >= 50) {
      lastShown = p.done;
      console.error(`scanning ${abs}: ${p.done}/${p.found}`);
    }
  });
  let summary: ScanSummary;
  try {
    summary = await scanner.scanFolder(record.id);
  } finally {
    stop();
  }
  const done = ctx.catalog.listFolders().find((f) => f.id === record.id);
  const unreadable = await Promise.all(summary.unreadable.map(whyUnreadable));
  for (const dir of summary.outside)
    console.error(`lightbox import: not followed (a link leading out of the folder): ${dir}`);
  for (const u of unreadable) console.error(`lightbox import: Could not read folder ${u}`);
  const n = unreadable.length;
  const skipped = n > 0 ? `; could not read ${n} folder${n === 1 ? '' : 's'}: ${unreadable.join('; ')}` : '';
  console.log(`Imported ${abs}: ${done?.photoCount ?? 0} photos, ${done?.problemCount ?? 0} with problems${skipped}`);
  return true;
}

/** "<folder>: <why>", in plain words. */
async function whyUnreadable(dir: string): Promise<string> {
  let reason = 'it could not be opened';
  try {
    await (await opendir(dir)).close();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOENT'
          ? 'it was removed during the import'
          : (error as Error).message;
  }
  return `${dir}: ${reason}`;
}

/** Runs the command; exit status 1 when a folder could not be imported. */
export async function run(args: string[]): Promise<number> {
  const folders = args.filter((a) => a !== '--');
  if (folders.length === 0 || folders.some((a) => a === '--help' || a === '-h')) {
    console.error(USAGE);
    return folders.length === 0 ? 1 : 0;
  }
  return withCliContext(async (ctx) => {
    let ok = true;
    for (const folder of folders) ok = (await importFolder(ctx, folder)) && ok;
    return ok ? 0 : 1;
  });
}
