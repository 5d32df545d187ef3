/** `lightbox list [--json]`: every photo in the catalog with its state, remote id, fields and problems. */
import { sameFields } from '../catalog/effective';
import type { DatabaseSync } from '../catalog/db-type';
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
  /** True when the fields now differ from the ones sent at upload. */
  changed_since_upload: boolean;
}

/** The stored reason of each failed or uncertain upload, by photo id. */
export function syncErrors(db: DatabaseSync): Map<number, string | null> {
  const rows = db
    .prepare(`SELECT id, sync_error FROM photos WHERE sync_state IN ('failed', 'uncertain')`)
    .all() as unknown as { id: number; sync_error: string | null }[];
  return new Map(rows.map((r) => [r.id, r.sync_error]));
}

/** The photo's problems plus, when its upload failed or is uncertain, why. */
function problemsWithUpload(r: SyncRow, errors: ReadonlyMap<number, string | null>): string[] {
  const reason = errors.get(r.id)?.trim();
  if (r.syncState === 'failed') return [...r.problems, `Upload failed: ${reason || 'no reason was given'}`];
  if (r.syncState === 'uncertain') {
    const why = reason || 'the answer of memories.ai never arrived';
    return [...r.problems, `Upload uncertain: ${why}; it may already be on memories.ai (resolve it in the app)`];
  }
  return r.problems;
}

/** The listing of every catalog photo, sorted by path. */
export function listedPhotos(rows: SyncRow[], errors: ReadonlyMap<number, string | null> = new Map()): ListedPhoto[] {
  return rows.map((r) => ({
    path: r.path,
    state: r.excluded ? 'excluded' : r.syncState,
    remote_id: r.remoteId,
    fields: r.fields,
    problems: problemsWithUpload(r, errors),
    changed_since_upload: r.sentFields !== null && !sameFields(r.fields, r.sentFields),
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
    const photos = listedPhotos(listSyncRows(ctx.catalog.db), syncErrors(ctx.catalog.db));
    if (args.includes('--json')) {
      process.stdout.write(`${JSON.stringify(photos, null, 2)}\n`);
      return 0;
    }
    for (const p of photos) {
      const problems = p.problems.length > 0 ? `  (${p.problems.join('; ')})` : '';
      const changed = p.changed_since_upload ? '  [changed since upload]' : '';
      console.log(`${p.state.padEnd(12)} ${p.remote_id ?? '-'}  ${p.path}${changed}${problems}`);
    }
    return 0;
  });
}
