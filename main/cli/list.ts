/** `lightbox list [--json]`: every photo in the catalog with its state, remote id, fields and problems. */
import { listSyncRows, type SyncRow } from '../catalog/sync-rows';
import type { SyncState } from '../../preload/contract';
import { withCliContext } from './context';

/** One photo as `list --json` prints it. */
export interface ListedPhoto {
  path: string;
  state: SyncState;
  remote_id: string | null;
  fields: SyncRow['fields'];
  problems: string[];
}

/** The listing of every catalog photo, sorted by path. */
export function listedPhotos(rows: SyncRow[]): ListedPhoto[] {
  return rows.map((r) => ({
    path: r.path,
    state: r.excluded ? 'excluded' : r.syncState,
    remote_id: r.remoteId,
    fields: r.fields,
    problems: r.problems,
  }));
}

/** Runs the command. */
export async function run(args: string[]): Promise<number> {
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length > 0) {
    console.error(`lightbox list: unknown argument ${unknown[0]}\nUsage: lightbox list [--json]`);
    return 1;
  }
  return withCliContext(async (ctx) => {
    const photos = listedPhotos(listSyncRows(ctx.catalog.db));
    if (args.includes('--json')) {
      process.stdout.write(`${JSON.stringify(photos, null, 2)}\n`);
      return 0;
    }
    for (const p of photos) {
      const problems = p.problems.length > 0 ? `  (${p.problems.join('; ')})` : '';
      console.log(`${p.state.padEnd(12)} ${p.remote_id ?? '-'}  ${p.path}${problems}`);
    }
    return 0;
  });
}
