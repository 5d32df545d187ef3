/**
 * `lightbox sync`: uploads every imported photo that is uploadable, not excluded and not yet uploaded.
 * Progress on stderr; one line per outcome on stdout (`uploaded <path> <id>`, `failed <path>: <reason>`,
 * `uncertain <path>`). Exit 0 only when nothing failed, stayed uncertain or stopped the sync.
 * Env: MEMORIES_API_KEY, MEMORIES_API_BASE, MEMORIES_UNIQUE_ID, LIGHTBOX_HOME, and
 * LIGHTBOX_REQUESTS_PER_SECOND (overrides the pace setting for this run).
 */
import type { SettingsService } from '../app/services';
import type { BlockedPhoto, SyncPlan, SyncStatus } from '../../preload/contract';
import { listSyncRows } from '../catalog/sync-rows';
import { createMemorySecretService } from '../secrets/memory-secret-service';
import { withEnvOverrides } from '../settings/env-overrides';
import { createSettingsService, openFileSettingsStore } from '../settings/settings-service';
import { createSyncService } from '../sync/sync-service';
import type { PhotoOutcome } from '../sync/sync-run';
import { withCliContext } from './context';

const USAGE = 'Usage: lightbox sync   (needs MEMORIES_API_KEY; MEMORIES_API_BASE, MEMORIES_UNIQUE_ID optional)';

/** The stdout line of one outcome. */
export function outcomeLine(o: PhotoOutcome): string {
  if (o.state === 'uploaded') return `uploaded ${o.path} ${o.remoteId ?? '(id unknown)'}`;
  if (o.state === 'failed') return `failed ${o.path}: ${o.reason ?? 'unknown reason'}`;
  return `uncertain ${o.path}`;
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** An engine message in the command line's words: the app's "Settings" and "press Sync" mean nothing here. */
export function cliMessage(message: string): string {
  if (/refused the API key/i.test(message)) {
    const detail = /\(([^)]*)\)/.exec(message)?.[1];
    return (
      `memories.ai refused the key in MEMORIES_API_KEY${detail ? ` (${detail})` : ''}. ` +
      'Set MEMORIES_API_KEY to a valid key, then run lightbox sync again.'
    );
  }
  return message.replace(/press Sync( again)?/g, (_m, again: string | undefined) => `run lightbox sync${again ?? ''}`);
}

/** The plan lines for stderr: the totals, then what cannot go grouped by reason (with a few names). */
export function planLines(plan: SyncPlan): string[] {
  const head =
    `sync plan: ${plan.photos} photos, ${mb(plan.bytes)} MB in about ${plan.requests} requests; ` +
    `${plan.blocked.length} cannot go, ${plan.alreadyUploaded} already uploaded, ${plan.duplicates} duplicates, ${plan.uncertain} uncertain`;
  const byReason = new Map<string, BlockedPhoto[]>();
  for (const b of plan.blocked) byReason.set(b.reason, [...(byReason.get(b.reason) ?? []), b]);
  const lines = [...byReason].map(([reason, photos]) => {
    const names = photos.slice(0, 3).map((p) => p.name);
    const more = photos.length > 3 ? `, and ${photos.length - 3} more` : '';
    return `  ${photos.length} cannot go: ${reason.replace(/\.$/, '')} (${names.join(', ')}${more})`;
  });
  return [head, ...lines];
}

/** One progress line for stderr. */
export function progressLine(s: SyncStatus): string {
  const left = s.secondsLeft === null ? '' : `, ${s.secondsLeft} s left`;
  const msg = s.message ? ` — ${cliMessage(s.message)}` : '';
  return `sync ${s.phase}: ${s.doneFiles + s.failedFiles + s.uncertainFiles}/${s.totalFiles} files, ${mb(s.doneBytes)}/${mb(s.totalBytes)} MB, ${mb(s.bytesPerSecond)} MB/s${left}${msg}`;
}

function cliSettings(home: string, env: NodeJS.ProcessEnv): SettingsService {
  const base = withEnvOverrides(createSettingsService(openFileSettingsStore(home)), env);
  const rate = Number(env.LIGHTBOX_REQUESTS_PER_SECOND);
  if (!Number.isFinite(rate) || rate <= 0) return base;
  return {
    get: () => ({ ...base.get(), requestsPerSecond: rate }),
    set: (p) => ({ ...base.set(p), requestsPerSecond: rate }),
  };
}

/** Runs the command. */
export async function run(args: string[]): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    console.log(
      `${USAGE}\nPrints one line per photo on stdout: uploaded <path> <id> | failed <path>: <reason> | uncertain <path>.\nExit status: 0 all uploaded, 1 some failed or uncertain, 2 usage, 3 stopped (key, balance, account).`,
    );
    return 0;
  }
  if (args.length > 0) {
    console.error(`lightbox sync: unknown argument ${args[0]}\n${USAGE}`);
    return 2;
  }
  const key = process.env.MEMORIES_API_KEY?.trim();
  if (!key) {
    console.error(`lightbox sync: MEMORIES_API_KEY is not set.\n${USAGE}`);
    return 2;
  }
  return withCliContext(async (ctx) => {
    const db = ctx.catalog.db;
    let bad = 0;
    const sync = createSyncService({
      catalog: ctx.catalog,
      events: ctx.events,
      settings: cliSettings(ctx.home, process.env),
      secrets: createMemorySecretService(key),
      offlineGiveUpMs: 30_000,
      onRecovered: (ids) => {
        for (const r of listSyncRows(db, ids)) process.stdout.write(`uncertain ${r.path}\n`);
      },
      onOutcome: (o) => {
        if (o.state !== 'uploaded') bad++;
        process.stdout.write(`${outcomeLine(o)}\n`);
      },
    });
    // Note: a photo left failed by an earlier run (offline, or a value since fixed with edit) goes again;
    // an uncertain one does not, as it may already be on memories.ai: the person decides in the app.
    const { requeued } = sync.retryFailed();
    if (requeued > 0) process.stderr.write(`sync: trying again ${requeued} photos that failed before\n`);
    const uncertain = reportUncertain(db);
    let lastLine = 0;
    let lastText = '';
    const show = (s: SyncStatus): void => {
      const text = progressLine(s);
      if (text !== lastText) process.stderr.write(`${text}\n`);
      lastText = text;
    };
    const off = ctx.events.on('sync:progress', (s) => {
      if (Date.now() - lastLine < 1000 && s.phase === 'running') return;
      lastLine = Date.now();
      show(s);
    });
    for (const line of planLines(sync.plan())) process.stderr.write(`${line}\n`);
    const started = sync.start();
    await sync.idle();
    off();
    const final = sync.status();
    show(final);
    const stopped = started.phase === 'stopped' ? started : final.phase === 'stopped' ? final : null;
    if (stopped) {
      process.stderr.write(`lightbox sync: ${cliMessage(stopped.message ?? 'the sync stopped')}\n`);
      return 3;
    }
    return bad === 0 && uncertain === 0 ? 0 : 1;
  });
}

/** Names the uploads left uncertain on stderr, with what to do; returns how many. */
function reportUncertain(db: Parameters<typeof listSyncRows>[0]): number {
  const rows = listSyncRows(db).filter((r) => r.syncState === 'uncertain' && !r.excluded);
  if (rows.length === 0) return 0;
  const n = rows.length;
  process.stderr.write(
    `${n} upload${n === 1 ? ' is' : 's are'} uncertain: ${n === 1 ? 'it' : 'they'} may already be on memories.ai; ` +
      `resolve ${n === 1 ? 'it' : 'them'} in the app (Uncertain view), they are not sent again silently.\n`,
  );
  for (const r of rows) process.stderr.write(`  uncertain: ${r.path}\n`);
  return n;
}
